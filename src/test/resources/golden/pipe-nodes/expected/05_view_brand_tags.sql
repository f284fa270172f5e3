-- brand_tags: view (endpoint pipe), from pipes/brand_tags.pipe:1
CREATE VIEW brand_tags
AS
SELECT brand, sum(events) AS events FROM tag_counts GROUP BY brand;
