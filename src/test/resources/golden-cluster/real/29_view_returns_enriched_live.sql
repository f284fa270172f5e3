-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched_live: view (endpoint pipe), from pipes/returns_enriched_live.pipe:14
--
-- Lesson: the JOIN pitfall (the fix, part 2). An endpoint (a ClickHouse view) that joins the
-- materialized returns with the products' latest versions when it is queried. Always current,
-- never duplicated; the price of a join per query is small here because `returns` is small.
CREATE VIEW returns_enriched_live ON CLUSTER 'prod'
AS
WITH
    latest_products AS (
        SELECT product_id, brand, model, price
        FROM products FINAL
    )
SELECT
    r.timestamp AS timestamp,
    r.customer_id AS customer_id,
    r.product_id AS product_id,
    p.brand AS brand,
    p.model AS model,
    p.price AS price
FROM returns AS r
LEFT JOIN latest_products AS p ON p.product_id = r.product_id;
