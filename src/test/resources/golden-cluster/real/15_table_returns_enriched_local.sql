-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched: table (on every shard; read and insert through the Distributed table returns_enriched), from datasources/returns_enriched.datasource:1
--
-- Lesson: the JOIN pitfall. Returns with their product's brand, model and price, joined at insert
-- time by returns_enriched_mv. Compare it with the returns_enriched_live endpoint:
-- - a return whose product was not yet in `products` gets empty brand and model, forever;
-- - a product's later price or stock never reaches returns already written;
-- - every unmerged version of a product joins, so one return can become several rows.
CREATE TABLE returns_enriched_local ON CLUSTER 'prod'
(
    timestamp DateTime,
    customer_id String,
    product_id String,
    brand String,
    model String,
    price Float64
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(timestamp)
ORDER BY (product_id, timestamp);
