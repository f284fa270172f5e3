-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- estore_events_dedup_mv: materialized view, writes estore_events_dedup, from pipes/estore_events_dedup_mv.pipe:7
--
-- Lesson: deduplication. Copies every event into estore_events_dedup, a ReplacingMergeTree whose
-- sorting key collapses exact duplicates when parts merge (query it with FINAL to be exact now).
CREATE MATERIALIZED VIEW estore_events_dedup_mv TO estore_events_dedup
AS
SELECT action, customer_id, product_id, price, timestamp
FROM estore_events;
