-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- top_products: view (endpoint pipe), from pipes/top_products.pipe:9
--
-- An endpoint over the hourly roll-up: the best-selling products of the last hours. It is a
-- Tinybird template (the `%` line): `hours`, `limit` and `product_id` are request parameters.
-- mvlab renders it as a ClickHouse view with the parameters' defaults, and drops the
-- `{% if defined(...) %}` parts, as if it were called without parameters.
CREATE VIEW top_products
AS
SELECT
    product_id,
    countMerge(purchases) AS purchases,
    sumMerge(revenue) AS revenue,
    uniqMerge(customers) AS customers
FROM sales_hourly
WHERE hour >= toStartOfHour(now()) - INTERVAL toInt32('24') HOUR
GROUP BY product_id
ORDER BY revenue DESC
LIMIT toInt32('10');
