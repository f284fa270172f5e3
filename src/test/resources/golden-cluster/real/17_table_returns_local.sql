-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns: table (on every shard; read and insert through the Distributed table returns), from datasources/returns.datasource:1
--
-- Lesson: the JOIN pitfall (the fix). Return events only, written by returns_mv with no JOIN. The
-- product details are joined when the data is read, in the returns_enriched_live endpoint, so they
-- are always the products' latest versions.
CREATE TABLE returns_local ON CLUSTER 'prod'
(
    timestamp DateTime,
    customer_id String,
    product_id String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(timestamp)
ORDER BY (product_id, timestamp);
