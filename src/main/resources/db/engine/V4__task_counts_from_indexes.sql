-- Tasklist's counts of My tasks and Case Study Team (issue 25). Each asks only for the ids of the
-- tasks it counts, but read every open task's whole row for them.

-- My tasks (assigned to the person, or offered to them or their groups) and Case Study Team join
-- every open task to its candidates; with the id, assignee and tenant in one index the tasks come
-- from it alone (not every task's whole row, hashed and spilled to disk), and for My tasks in id
-- order, so PostgreSQL joins them to the candidates' links in that order and counts each task once
-- without hashing. The CPO's task list, which needs the whole row, keeps its plan: the table's key
-- already gives it that order. The links' side: V5.
create index if not exists task_by_id_and_assignee on ${engine_table_prefix}ACT_RU_TASK (ID_, ASSIGNEE_, TENANT_ID_);
