-- cluster local (local: run on every node; plain engines, local + Distributed)
-- product_activity_hourly: table (on every shard; read and insert through the Distributed table product_activity_hourly), from datasources/product_activity_hourly.datasource:1
--
-- Lesson: SimpleAggregateFunction, the light variant of a roll-up. One row per product and hour,
-- written by product_activity_hourly_mv.
--
-- For functions whose partial result is the result itself (sum, max, min, any, anyLast),
-- SimpleAggregateFunction stores plain values: no -State when writing, no -Merge when reading.
-- Read it with the plain function again, because unmerged parts still hold several rows:
--
--     SELECT product_id, sum(events), max(max_price), max(last_seen)
--     FROM product_activity_hourly GROUP BY product_id
--
-- Functions with a real intermediate state (uniq, avg, quantile) need AggregateFunction instead.
CREATE TABLE product_activity_hourly_local
(
    product_id String,
    hour DateTime,
    events SimpleAggregateFunction(sum, UInt64),
    max_price SimpleAggregateFunction(max, Nullable(Float64)),
    last_seen SimpleAggregateFunction(max, DateTime)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (product_id, hour);
