-- sales_api: view (endpoint pipe), from pipes/sales_api.pipe:18
--
-- A Tinybird template endpoint, rendered as if called without parameters.
CREATE VIEW sales_api
AS
WITH
    filtered AS (
        SELECT day, product_id, revenue
        FROM sales
        WHERE day >= '2024-01-01'
          AND country != 'it\'s'
          AND revenue > toFloat64('0.5')
    )
SELECT product_id, sum(revenue) AS revenue
FROM filtered
GROUP BY product_id
ORDER BY revenue DESC
LIMIT toInt32('1000000');
