-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns_mv: materialized view, writes returns, from pipes/returns_mv.pipe:7
--
-- Lesson: the JOIN pitfall (the fix, part 1). Materialize only what the events themselves carry:
-- the returns, with no JOIN. Product details are joined at query time by returns_enriched_live.
CREATE MATERIALIZED VIEW returns_mv TO returns
AS
SELECT timestamp, customer_id, product_id
FROM estore_events
WHERE action = 'return';
