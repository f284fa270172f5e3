-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_per_minute: table (on every shard; read and insert through the Distributed table sales_per_minute), from datasources/sales_per_minute.datasource:1
--
-- Lesson: chained roll-ups, step 1 of 3. Sales of all products per minute, written by
-- sales_per_minute_mv from `purchases`. sales_per_hour_mv reads this table in turn: an insert into
-- estore_events cascades estore_events -> purchases -> sales_per_minute -> sales_per_hour ->
-- sales_per_day, each materialized view firing on the rows the previous one wrote.
--
-- Customers are counted with uniqExact so that the lesson can check that every level of the chain
-- gives exactly the numbers of the raw events (uniq would be approximate).
CREATE TABLE sales_per_minute_local
(
    minute DateTime,
    purchases AggregateFunction(count),
    revenue AggregateFunction(sum, Float64),
    customers AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY minute;
