-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_hourly: table, from datasources/sales_hourly.datasource:1
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
CREATE TABLE sales_hourly
(
    product_id String,
    hour DateTime,
    purchases AggregateFunction(count),
    revenue AggregateFunction(sum, Float64),
    customers AggregateFunction(uniq, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (product_id, hour);
