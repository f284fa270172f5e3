-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns: table, from datasources/returns.datasource:1
--
-- Lesson: the JOIN pitfall (the fix). Return events only, written by returns_mv with no JOIN. The
-- product details are joined when the data is read, in the returns_enriched_live endpoint, so they
-- are always the products' latest versions.
CREATE TABLE returns
(
    timestamp DateTime,
    customer_id String,
    product_id String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (product_id, timestamp);
