-- Children from the school's roster (issue 27): the name in the other script (encrypted, with its
-- blind index), so that a report naming the child in either script finds the rostered child.
alter table child add column other_name varchar;
alter table child add column other_name_index varchar(64);
create index child_other_name_index on child (other_name_index);
