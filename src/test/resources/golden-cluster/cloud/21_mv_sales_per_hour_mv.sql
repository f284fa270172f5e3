-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_hour_mv: materialized view, writes sales_per_hour, from pipes/sales_per_hour_mv.pipe:7
--
-- Lesson: chained roll-ups, step 2. Reads the partial states in `sales_per_minute` and merges them
-- into hour states with -MergeState: states in, states out, so the hour level stays exact.
CREATE MATERIALIZED VIEW sales_per_hour_mv TO sales_per_hour
AS
SELECT
    toStartOfHour(minute) AS hour,
    countMergeState(purchases) AS purchases,
    sumMergeState(revenue) AS revenue,
    uniqExactMergeState(customers) AS customers
FROM sales_per_minute
GROUP BY hour;
