-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- stock_by_brand: table (defined inline by a materialized pipe), from pipes/stock_by_brand_mv.pipe:13
CREATE TABLE stock_by_brand
ENGINE = AggregatingMergeTree
ORDER BY brand
EMPTY AS
SELECT
    brand,
    countState() AS product_versions,
    sumState(number_on_hand) AS units_on_hand
FROM products
GROUP BY brand;
