-- cluster local (local: run on every node; plain engines, local + Distributed)
-- stock_by_brand_live: view (endpoint pipe), from pipes/stock_by_brand_live.pipe:17
--
-- Lesson: chaining from a ReplacingMergeTree (the fix, read side). The stock per brand from the
-- latest version of each product: equal to
-- `SELECT brand, count(), sum(number_on_hand) FROM products FINAL GROUP BY brand`.
CREATE VIEW stock_by_brand_live
AS
WITH
    latest_per_product AS (
        SELECT
            product_id,
            argMaxMerge(brand) AS brand,
            argMaxMerge(number_on_hand) AS number_on_hand
        FROM product_stock_latest
        GROUP BY product_id
    )
SELECT brand, count() AS products, sum(number_on_hand) AS units_on_hand
FROM latest_per_product
GROUP BY brand
ORDER BY brand;
