-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_mv: materialized view, writes returns_local on each shard, attached to its trigger's local table, from pipes/returns_mv.pipe:7
--
-- Lesson: the JOIN pitfall (the fix, part 1). Materialize only what the events themselves carry:
-- the returns, with no JOIN. Product details are joined at query time by returns_enriched_live.
CREATE MATERIALIZED VIEW returns_mv ON CLUSTER 'prod' TO returns_local
AS
SELECT timestamp, customer_id, product_id
FROM estore_events_local
WHERE action = 'return';
