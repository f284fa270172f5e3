-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_day: table (on every shard; read and insert through the Distributed table sales_per_day), from datasources/sales_per_day.datasource:1
--
-- Lesson: chained roll-ups, step 3 of 3. Sales per day, from the hour states of sales_per_hour.
-- `countMerge(purchases)`, `sumMerge(revenue)` and `uniqExactMerge(customers)` over a day here equal
-- count(), sum(price) and uniqExact(customer_id) over that day's purchases in the raw events.
CREATE TABLE sales_per_day_local ON CLUSTER 'prod'
(
    day Date,
    purchases AggregateFunction(count),
    revenue AggregateFunction(sum, Float64),
    customers AggregateFunction(uniqExact, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYear(day)
ORDER BY day;
