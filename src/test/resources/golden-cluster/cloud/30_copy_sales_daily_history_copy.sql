-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_daily_history_copy: copy pipe into sales_daily_history (5 0 * * *, append); run by 'mvlab copy', never by apply, from pipes/sales_daily_history_copy.pipe:9
--
-- Lesson: lambda architecture, the batch layer. A copy pipe: not a trigger but a query run on a
-- schedule (here daily at 00:05), whose result is appended to sales_daily_history. Each run copies
-- the finished days (before today) that the history does not have yet, so running it twice copies
-- nothing twice. Run it by hand with `mvlab copy sales_daily_history_copy`.
INSERT INTO sales_daily_history (day, product_id, purchases, revenue)
SELECT day, product_id, purchases, revenue
FROM
(
    SELECT
        toDate(timestamp) AS day,
        product_id,
        count() AS purchases,
        sum(assumeNotNull(price)) AS revenue
    FROM estore_events
    WHERE action = 'purchase' AND price IS NOT NULL
      AND toDate(timestamp) < today()
      AND toDate(timestamp) > (SELECT max(day) FROM sales_daily_history)
    GROUP BY day, product_id
);
