-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_hour_mv: materialized view, writes sales_per_hour_local on each shard, attached to its trigger's local table, from pipes/sales_per_hour_mv.pipe:7
--
-- Lesson: chained roll-ups, step 2. Reads the partial states in `sales_per_minute` and merges them
-- into hour states with -MergeState: states in, states out, so the hour level stays exact.
CREATE MATERIALIZED VIEW sales_per_hour_mv ON CLUSTER 'prod' TO sales_per_hour_local
AS
SELECT
    toStartOfHour(minute) AS hour,
    countMergeState(purchases) AS purchases,
    sumMergeState(revenue) AS revenue,
    uniqExactMergeState(customers) AS customers
FROM sales_per_minute_local
GROUP BY hour;
