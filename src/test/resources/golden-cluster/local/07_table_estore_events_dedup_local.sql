-- cluster local (local: run on every node; plain engines, local + Distributed)
-- estore_events_dedup: table (on every shard; read and insert through the Distributed table estore_events_dedup), from datasources/estore_events_dedup.datasource:1
--
-- Lesson: deduplication with ReplacingMergeTree. The generator sometimes sends the same event twice
-- (same action, customer, product and second). estore_events keeps both copies; this table, written
-- by estore_events_dedup_mv, keeps one per sorting key - once parts merge. Until then:
--
--     SELECT count() FROM estore_events_dedup FINAL    -- exact, merges at query time
--     SELECT count() FROM estore_events_dedup          -- may still count duplicates
--
-- The sorting key is what "the same event" means here, so it lists every identifying column.
-- Without ENGINE_VER, the last inserted row of a key wins.
CREATE TABLE estore_events_dedup_local
(
    action LowCardinality(String),
    customer_id String,
    product_id String,
    price Nullable(Float64),
    timestamp DateTime
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (action, timestamp, customer_id, product_id);
