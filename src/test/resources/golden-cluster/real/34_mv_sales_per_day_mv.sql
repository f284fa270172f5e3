-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_day_mv: materialized view, writes sales_per_day_local on each shard, attached to its trigger's local table, from pipes/sales_per_day_mv.pipe:6
--
-- Lesson: chained roll-ups, step 3. Hour states merged into day states, the same way.
CREATE MATERIALIZED VIEW sales_per_day_mv ON CLUSTER 'prod' TO sales_per_day_local
AS
SELECT
    toDate(hour) AS day,
    countMergeState(purchases) AS purchases,
    sumMergeState(revenue) AS revenue,
    uniqExactMergeState(customers) AS customers
FROM sales_per_hour_local
GROUP BY day;
