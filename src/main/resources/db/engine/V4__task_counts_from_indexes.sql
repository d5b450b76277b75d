-- Tasklist's counts of My tasks, Case Study Team and Triage from indexes alone (issue 25). Each count
-- asks only for the ids of the tasks it counts, but read every open task's whole row for them.

-- My tasks (assigned to the person, or offered to them or their groups) and Case Study Team join
-- every open task to its candidates; with the id, assignee and tenant in one index the tasks come
-- from it alone and in id order, so PostgreSQL joins them to the candidates' links in that order
-- (Camunda's own index on the links' task) and counts each task once without hashing them. The
-- CPO's task list, which needs the whole row, keeps its plan: the table's key already gives it that
-- order. (An index on the links themselves was tried: it gave that list a slower parallel plan on
-- PostgreSQL 14; README "Performance".)
create index if not exists task_by_id_and_assignee on ${engine_table_prefix}ACT_RU_TASK (ID_, ASSIGNEE_, TENANT_ID_);

-- Triage (two steps of one process) and Monitoring reviews due count a step's tasks: with the
-- tenant, process definition and id beside the step, from the index alone. It replaces the index on
-- the step only (V2), whose lookups it serves as well, so a task's insert still updates one.
create index if not exists task_by_step on ${engine_table_prefix}ACT_RU_TASK (TASK_DEF_KEY_, TENANT_ID_, PROC_DEF_ID_, ID_);
drop index if exists task_by_definition_key;
