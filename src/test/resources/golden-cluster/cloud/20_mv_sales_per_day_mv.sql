-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_day_mv: materialized view, writes sales_per_day, from pipes/sales_per_day_mv.pipe:6
--
-- Lesson: chained roll-ups, step 3. Hour states merged into day states, the same way.
CREATE MATERIALIZED VIEW sales_per_day_mv TO sales_per_day
AS
SELECT
    toDate(hour) AS day,
    countMergeState(purchases) AS purchases,
    sumMergeState(revenue) AS revenue,
    uniqExactMergeState(customers) AS customers
FROM sales_per_hour
GROUP BY day;
