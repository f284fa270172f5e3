-- tags_mv: materialized view, writes tag_counts, from pipes/tags_mv.pipe:24
--
-- Nodes read earlier nodes by name; a node the output does not reach is left out; ARRAY JOIN, EXTRACT(... FROM ...),
-- table functions and system tables are not table reads; the output node has a WITH clause of its own.
CREATE MATERIALIZED VIEW tags_mv TO tag_counts
AS
WITH
    recent AS (
        SELECT * FROM events WHERE timestamp > now() - INTERVAL 1 DAY -- the last day
    ),
    brands AS (
        SELECT product_id, argMax(brand, updated_at) AS brand FROM products GROUP BY product_id
    ),
    tagged AS (
        SELECT EXTRACT(YEAR FROM r.timestamp) AS year, tag, b.brand AS brand
        FROM recent AS r
        ARRAY JOIN r.tags AS tag
        LEFT JOIN brands AS b ON b.product_id = r.product_id
    ),
    'none' AS fallback
SELECT toUInt16(year) AS year, tag, if(brand = '', fallback, brand) AS brand, count() AS events
FROM tagged
GROUP BY year, tag, brand;
