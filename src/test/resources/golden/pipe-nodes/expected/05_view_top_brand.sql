-- top_brand: view (endpoint pipe), from pipes/top_brand.pipe:3
--
-- An endpoint may read another endpoint pipe by name: it is a view.
CREATE VIEW top_brand
AS
SELECT brand FROM brand_tags ORDER BY events DESC LIMIT 1;
