-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- purchases: table, from datasources/purchases.datasource:1
--
-- Lesson: filter and reshape. Purchases only, with a price that is never NULL, written by
-- purchases_mv as events land. A plain MergeTree: the materialized view copies rows, it does not
-- aggregate them, so `SELECT count() FROM purchases` equals the count of purchase events with a
-- price that arrived after the view was created.
--
-- Sorted by `product_id, timestamp` because the questions asked of it are per product.
CREATE TABLE purchases
(
    timestamp DateTime,
    customer_id String,
    product_id String,
    price Float64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (product_id, timestamp);
