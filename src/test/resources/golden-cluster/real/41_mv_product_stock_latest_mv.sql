-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_stock_latest_mv: materialized view, writes product_stock_latest_local on each shard, attached to its trigger's local table, from pipes/product_stock_latest_mv.pipe:12
--
-- Lesson: chaining from a ReplacingMergeTree (the fix). Instead of summing versions, keep the
-- latest version's values per product with argMaxState(value, updated_at). Old versions lose to
-- newer ones whatever the order they arrive in; nothing is counted twice.
--
-- Mind the alias of max(updated_at): naming it `updated_at` would make ClickHouse read
-- argMaxState(brand, updated_at) as argMaxState(brand, max(updated_at)) and refuse the query
-- ("aggregate function found inside another aggregate function"). Hence `last_update`.
CREATE MATERIALIZED VIEW product_stock_latest_mv ON CLUSTER 'prod' TO product_stock_latest_local
AS
SELECT
    product_id,
    argMaxState(brand, updated_at) AS brand,
    argMaxState(number_on_hand, updated_at) AS number_on_hand,
    max(updated_at) AS last_update
FROM products_local
GROUP BY product_id;
