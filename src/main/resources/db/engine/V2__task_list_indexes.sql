-- Tasklist's list of filters and their counts (issue 25). "if not exists": databases of before these
-- migrations already have them, of the same names, made at start-up by the application of then.

-- A filter of tasks past their due date (Overdue) or of some steps (Triage, Monitoring reviews due)
-- read every open task at every count, about 10 ms each at 5,000 open cases, to find a handful or
-- none. A step's key never changes; a due date changes only when a deadline is moved.
create index if not exists task_by_due_date on ${engine_table_prefix}ACT_RU_TASK (DUE_DATE_);
create index if not exists task_by_definition_key on ${engine_table_prefix}ACT_RU_TASK (TASK_DEF_KEY_);

-- The list of filters checks the person's grants on filters: a few dozen rows among one grant per
-- open task, found by reading them all.
create index if not exists authorization_by_resource_type on ${engine_table_prefix}ACT_RU_AUTHORIZATION (RESOURCE_TYPE_);
