-- cluster local (local: run on every node; plain engines, local + Distributed)
-- purchases: table (on every shard; read and insert through the Distributed table purchases), from datasources/purchases.datasource:1
--
-- Lesson: filter and reshape. Purchases only, with a price that is never NULL, written by
-- purchases_mv as events land. A plain MergeTree: the materialized view copies rows, it does not
-- aggregate them, so `SELECT count() FROM purchases` equals the count of purchase events with a
-- price that arrived after the view was created.
--
-- Sorted by `product_id, timestamp` because the questions asked of it are per product.
CREATE TABLE purchases_local
(
    timestamp DateTime,
    customer_id String,
    product_id String,
    price Float64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (product_id, timestamp);
