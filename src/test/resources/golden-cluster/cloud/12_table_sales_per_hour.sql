-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_hour: table, from datasources/sales_per_hour.datasource:1
--
-- Lesson: chained roll-ups, step 2 of 3. Sales per hour, written by sales_per_hour_mv from the
-- partial states of sales_per_minute. The view combines states with -MergeState (countMergeState,
-- sumMergeState, uniqExactMergeState): it merges minute states into hour states without turning
-- them into numbers, so nothing is lost. Rolling up finished numbers instead (summing minute
-- counts) works for count and sum but not for distinct customers: a customer who bought in two
-- minutes of one hour would be counted twice.
CREATE TABLE sales_per_hour
(
    hour DateTime,
    purchases AggregateFunction(count),
    revenue AggregateFunction(sum, Float64),
    customers AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY hour;
