-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_hourly: table (on every shard; read and insert through the Distributed table sales_hourly), from datasources/sales_hourly.datasource:1
--
-- Lesson: roll-up with aggregate states. One row per product and hour, written by sales_hourly_mv.
--
-- The columns hold partial aggregation states, not numbers: countState(), sumState(price) and
-- uniqState(customer_id). Each insert into estore_events adds new partial rows; AggregatingMergeTree
-- combines rows with the same sorting key when parts merge, but a query can never rely on that
-- having happened. Always finish the aggregation when reading:
--
--     SELECT product_id, countMerge(purchases), sumMerge(revenue), uniqMerge(customers)
--     FROM sales_hourly GROUP BY product_id
--
-- The sorting key must be exactly the GROUP BY of the view (`product_id, hour`): it is what
-- AggregatingMergeTree merges on.
CREATE TABLE sales_hourly_local ON CLUSTER 'prod'
(
    product_id String,
    hour DateTime,
    purchases AggregateFunction(count),
    revenue AggregateFunction(sum, Float64),
    customers AggregateFunction(uniq, String)
)
ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(hour)
ORDER BY (product_id, hour);
