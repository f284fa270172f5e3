-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_per_minute_mv: materialized view, writes sales_per_minute_local on each shard, attached to its trigger's local table, from pipes/sales_per_minute_mv.pipe:7
--
-- Lesson: chained roll-ups, step 1. Reads `purchases` - the target of purchases_mv - so it fires
-- when purchases_mv writes there: materialized views cascade through TO tables.
CREATE MATERIALIZED VIEW sales_per_minute_mv TO sales_per_minute_local
AS
SELECT
    toStartOfMinute(timestamp) AS minute,
    countState() AS purchases,
    sumState(price) AS revenue,
    uniqExactState(customer_id) AS customers
FROM purchases_local
GROUP BY minute;
