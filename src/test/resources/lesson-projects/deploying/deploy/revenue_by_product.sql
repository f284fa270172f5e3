-- the target, then the view TO it
CREATE TABLE revenue_by_product (product_id String, revenue Float64, purchases UInt64)
ENGINE = SummingMergeTree
ORDER BY product_id;
CREATE MATERIALIZED VIEW revenue_by_product_mv TO revenue_by_product AS
SELECT product_id, sum(price) AS revenue, count() AS purchases
FROM events
WHERE action = 'purchase'
GROUP BY product_id;
