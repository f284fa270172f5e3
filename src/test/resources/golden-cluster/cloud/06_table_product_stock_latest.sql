-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- product_stock_latest: table, from datasources/product_stock_latest.datasource:1
--
-- Lesson: chaining from a ReplacingMergeTree (the fix). One row per product, written by
-- product_stock_latest_mv: argMaxState(x, updated_at) keeps, for each product, the value of its
-- latest version, however many versions arrive and in whatever order. Reading with argMaxMerge gives
-- the current catalogue; the stock_by_brand_live endpoint sums it per brand, exactly.
CREATE TABLE product_stock_latest
(
    product_id String,
    brand AggregateFunction(argMax, String, DateTime),
    number_on_hand AggregateFunction(argMax, UInt32, DateTime),
    last_update SimpleAggregateFunction(max, DateTime)
)
ENGINE = AggregatingMergeTree
ORDER BY product_id;
