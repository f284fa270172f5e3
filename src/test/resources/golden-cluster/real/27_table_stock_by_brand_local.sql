-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand: table (defined inline by a materialized pipe, on every shard; read and insert through the Distributed table stock_by_brand), from pipes/stock_by_brand_mv.pipe:13
CREATE TABLE stock_by_brand_local ON CLUSTER 'prod'
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
ORDER BY brand
EMPTY AS
SELECT
    brand,
    countState() AS product_versions,
    sumState(number_on_hand) AS units_on_hand
FROM products
GROUP BY brand;
