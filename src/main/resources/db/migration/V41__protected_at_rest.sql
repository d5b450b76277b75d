-- Case facts protected at rest (issue 27): names, student ids and texts are stored encrypted by the
-- application (atrest/FieldCipher), which makes them longer; a child is found by keyed hashes of
-- the normalised student id and name (atrest/BlindIndex).
alter table child alter column name set data type varchar;
alter table child alter column student_id set data type varchar;
alter table child add column name_index varchar(64);
alter table child add column student_id_index varchar(64);
create index child_name_index on child (name_index);
create unique index child_student_id_index on child (student_id_index);
