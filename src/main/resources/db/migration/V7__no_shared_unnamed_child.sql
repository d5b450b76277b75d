-- A report that names no child links to no child. Before, every email concern was linked to one
-- shared child called "(not given)", so that child's chronology gathered the cases of strangers:
-- those cases are unlinked (their chronology is kept; the CPO links nothing by hand here).
update case_file set child_id = null
 where child_id in (select id from child where name = '(not given)' and student_id is null);
