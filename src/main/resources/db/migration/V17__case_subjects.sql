-- The people a case is about (issue 17), by case reference: the case and everything under that
-- reference is hidden from each of them. A row names a user (the adult the reporter named, as the
-- server resolved them) or a group (every member, now or later: a case about the Head of School).
-- Rows are added when a case opens or its subject is corrected, removed only by a recorded correction.
create table case_subject (
  case_reference varchar(64)  not null,
  user_id        varchar(255) not null default '',
  group_id       varchar(255) not null default '',
  named_at       timestamp    not null,
  primary key (case_reference, user_id, group_id)
);
create index case_subject_user on case_subject (user_id);
create index case_subject_group on case_subject (group_id);
