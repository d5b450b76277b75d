-- Nothing a user types is cut off or refused by a column (issue 18). Free text (what was recorded at
-- a step, a decision's reason, a retention decision's reason) has no length limit here: the
-- application refuses answers over safeguarding.input-limits.max-text-length before anything is
-- written. Names, grades and student ids are limited by max-name-length (at most 255 below).
-- "varchar" without a length: unlimited on PostgreSQL, the largest size on H2; same SQL on both.
alter table chronology_entry alter column details set data type varchar;
alter table chronology_entry alter column reason set data type varchar;
alter table retention_review alter column reason set data type varchar;
alter table case_file alter column categories set data type varchar;
alter table case_file alter column course_of_action set data type varchar(255);
alter table child alter column student_id set data type varchar(255);
alter table child alter column grade set data type varchar(255);
