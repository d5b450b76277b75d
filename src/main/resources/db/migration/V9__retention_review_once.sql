-- A child's file waits for at most one retention decision at a time, whatever the nodes do:
-- pending_child_id is the child while the review waits for the CPO, and null once decided (a
-- unique column allows many nulls on H2 and PostgreSQL alike, where a partial index would not).
-- Reviews flagged twice before this rule (two nodes, one morning) keep the first.
delete from retention_review r
 where r.decided_at is null
   and exists (select 1 from retention_review o where o.child_id = r.child_id and o.decided_at is null and o.id < r.id);
alter table retention_review add column pending_child_id bigint;
update retention_review set pending_child_id = child_id where decided_at is null;
alter table retention_review add constraint retention_review_pending_once unique (pending_child_id);
