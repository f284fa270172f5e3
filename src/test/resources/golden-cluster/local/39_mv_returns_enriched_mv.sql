-- cluster local (local: run on every node; plain engines, local + Distributed)
-- returns_enriched_mv: materialized view, writes returns_enriched_local on each shard, attached to its trigger's local table, from pipes/returns_enriched_mv.pipe:21
--
-- Lesson: the JOIN pitfall. Enriches each return with its product at insert time. It looks right,
-- and it is what many first materialized views do, but:
-- - The view fires only on inserts into the left-most table of its query, estore_events. Inserts
--   into `products` do not fire it: a product added or changed after the return never reaches
--   the rows already in returns_enriched.
-- - The right-hand table is read whole for every inserted block: the bigger `products` grows, the
--   slower every insert into estore_events gets.
-- - `products` is a ReplacingMergeTree: until its parts merge, every version of a product joins,
--   and one return becomes several rows.
-- The fix in this workshop: returns_mv + the returns_enriched_live endpoint (join at query time).
CREATE MATERIALIZED VIEW returns_enriched_mv TO returns_enriched_local
AS
WITH
    returns_only AS (
        SELECT timestamp, customer_id, product_id
        FROM estore_events_local
        WHERE action = 'return'
    )
SELECT
    r.timestamp AS timestamp,
    r.customer_id AS customer_id,
    r.product_id AS product_id,
    p.brand AS brand,
    p.model AS model,
    p.price AS price
FROM returns_only AS r
LEFT JOIN products AS p ON p.product_id = r.product_id;
