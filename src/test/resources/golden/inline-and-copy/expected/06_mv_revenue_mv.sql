-- revenue_mv: materialized view, writes revenue_by_product, from pipes/revenue_mv.pipe:3
--
-- The target table is defined inline: its columns come from the query.
CREATE MATERIALIZED VIEW revenue_mv TO revenue_by_product
AS
SELECT product_id, sumState(price) AS revenue, maxSimpleState(timestamp) AS last_sale
FROM events
GROUP BY product_id;
