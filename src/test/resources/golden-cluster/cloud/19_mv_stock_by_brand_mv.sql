-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- stock_by_brand_mv: materialized view, writes stock_by_brand, from pipes/stock_by_brand_mv.pipe:13
--
-- Lesson: chaining from a ReplacingMergeTree (the pitfall). Sums the stock of each brand from
-- `products`. The view sees each row inserted into `products`, and a new version of a product is
-- a new row: its stock is added again, on top of the old version's. ReplacingMergeTree later
-- drops the old version from `products`, but what the view already summed stays summed, so
-- stock_by_brand counts every version. Compare with the stock_by_brand_live endpoint.
--
-- The target table is defined here, with ENGINE lines after DATASOURCE: its columns come from
-- the query (mvlab creates it with CREATE TABLE ... EMPTY AS SELECT).
CREATE MATERIALIZED VIEW stock_by_brand_mv TO stock_by_brand
AS
SELECT
    brand,
    countState() AS product_versions,
    sumState(number_on_hand) AS units_on_hand
FROM products
GROUP BY brand;
