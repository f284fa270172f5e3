-- cluster local (local: run on every node; plain engines, local + Distributed)
-- purchases_mv: materialized view, writes purchases_local on each shard, attached to its trigger's local table, from pipes/purchases_mv.pipe:17
--
-- Lesson: filter and reshape. Keeps the purchase events that have a price and writes them to
-- `purchases`, with `price` no longer Nullable. A materialized view matches its result to the
-- target's columns by name, so the aliases must be the target's column names.
CREATE MATERIALIZED VIEW purchases_mv TO purchases_local
AS
WITH
    purchases_only AS (
        SELECT timestamp, customer_id, product_id, price
        FROM estore_events_local
        WHERE action = 'purchase' AND price IS NOT NULL
    )
SELECT
    timestamp,
    customer_id,
    product_id,
    assumeNotNull(price) AS price
FROM purchases_only;
