-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_daily_lambda: view (endpoint pipe), from pipes/sales_daily_lambda.pipe:27
--
-- Lesson: lambda architecture, the serving layer. Daily sales per product: the days already copied
-- come from sales_daily_history (cheap, precomputed), the days after the last copy - today and
-- whatever the copy has not covered - are computed from the raw events when queried. Together
-- they are always complete and current.
CREATE VIEW sales_daily_lambda
AS
WITH
    history AS (
        SELECT day, product_id, purchases, revenue
        FROM sales_daily_history
    ),
    recent AS (
        SELECT
            toDate(timestamp) AS day,
            product_id,
            count() AS purchases,
            sum(assumeNotNull(price)) AS revenue
        FROM estore_events
        WHERE action = 'purchase' AND price IS NOT NULL
          AND toDate(timestamp) > (SELECT max(day) FROM sales_daily_history)
        GROUP BY day, product_id
    )
SELECT day, product_id, sum(purchases) AS purchases, sum(revenue) AS revenue
FROM
(
    SELECT day, product_id, purchases, revenue FROM history
    UNION ALL
    SELECT day, product_id, purchases, revenue FROM recent
)
GROUP BY day, product_id
ORDER BY day, product_id;
