-- revenue_by_product: table (defined inline by a materialized pipe), from pipes/revenue_mv.pipe:3
CREATE TABLE revenue_by_product
ENGINE = AggregatingMergeTree
ORDER BY product_id
SETTINGS index_granularity = 1024
EMPTY AS
SELECT product_id, sumState(price) AS revenue, maxSimpleState(timestamp) AS last_sale
FROM events
GROUP BY product_id;
