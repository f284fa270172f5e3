-- cluster local (local: run on every node; plain engines, local + Distributed)
-- product_activity_hourly_mv: materialized view, writes product_activity_hourly_local on each shard, attached to its trigger's local table, from pipes/product_activity_hourly_mv.pipe:8
--
-- Lesson: SimpleAggregateFunction. Per product and hour: how many events of any action, the highest
-- price paid and when the product was last seen. Plain count(), max() - no -State - because the
-- target's SimpleAggregateFunction columns store plain values.
CREATE MATERIALIZED VIEW product_activity_hourly_mv TO product_activity_hourly_local
AS
SELECT
    product_id,
    toStartOfHour(timestamp) AS hour,
    count() AS events,
    max(price) AS max_price,
    max(timestamp) AS last_seen
FROM estore_events_local
GROUP BY product_id, hour;
