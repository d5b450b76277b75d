-- Locks of the scheduled work that runs once per cluster (ShedLock's table): one row per job,
-- held by the node that runs it until lock_until. Same SQL on H2 and PostgreSQL.
create table scheduler_lock (
  name       varchar(64)  not null,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null,
  constraint scheduler_lock_pk primary key (name)
);
