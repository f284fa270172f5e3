-- top_brand: view (endpoint pipe), from pipes/top_brand.pipe:3
--
-- An endpoint may read another endpoint pipe by name: its query is inlined, as Tinybird does.
CREATE VIEW top_brand
AS
WITH
    brand_tags AS (
        SELECT brand, sum(events) AS events FROM tag_counts GROUP BY brand
    )
SELECT brand FROM brand_tags ORDER BY events DESC LIMIT 1;
