-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_hourly_mv: materialized view, writes sales_hourly_local on each shard, attached to its trigger's local table, from pipes/sales_hourly_mv.pipe:9
--
-- Lesson: roll-up with aggregate states. For each block of inserted events, sums up purchases per
-- product and hour as partial states (countState, sumState, uniqState) and writes them to
-- `sales_hourly`. The same product and hour gets a new partial row on every insert; reading with
-- the -Merge functions and GROUP BY combines them.
CREATE MATERIALIZED VIEW sales_hourly_mv TO sales_hourly_local
AS
SELECT
    product_id,
    toStartOfHour(timestamp) AS hour,
    countState() AS purchases,
    sumState(assumeNotNull(price)) AS revenue,
    uniqState(customer_id) AS customers
FROM estore_events_local
WHERE action = 'purchase' AND price IS NOT NULL
GROUP BY product_id, hour;
