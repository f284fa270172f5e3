-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- purchases_mv: materialized view, writes purchases, from pipes/purchases_mv.pipe:17
--
-- Lesson: filter and reshape. Keeps the purchase events that have a price and writes them to
-- `purchases`, with `price` no longer Nullable. A materialized view matches its result to the
-- target's columns by name, so the aliases must be the target's column names.
CREATE MATERIALIZED VIEW purchases_mv TO purchases
AS
WITH
    purchases_only AS (
        SELECT timestamp, customer_id, product_id, price
        FROM estore_events
        WHERE action = 'purchase' AND price IS NOT NULL
    )
SELECT
    timestamp,
    customer_id,
    product_id,
    assumeNotNull(price) AS price
FROM purchases_only;
