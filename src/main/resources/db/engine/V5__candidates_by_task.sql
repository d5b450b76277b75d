-- My tasks (assigned to the person, or offered to them or their groups) joins every open task to
-- its candidates' links. Camunda's index on the links' task gives them in task order, but each link
-- is then read from the table; with the type, group and user beside the task in one index, the
-- links come from the index alone (issue 25). At 5,000 open cases (15,000 links) it halved the count's
-- CPU on the database once more after V4 (about 30 ms before V4, about 8 ms after both).
-- Round 5 left this index out: it lets PostgreSQL 14 answer the CPO's task list with a parallel plan
-- (a worker, then an incremental sort along the task key, instead of sorting every CPO task on disk).
-- Measured again, interleaved on two copies of one database on the loaded machine, that plan was the
-- faster, and cheaper in the server's CPU, than sorting every CPO task on disk (README "Performance").
create index if not exists candidate_by_task on ${engine_table_prefix}ACT_RU_IDENTITYLINK (TASK_ID_, TYPE_, GROUP_ID_, USER_ID_);
