-- tags_mv: drop materialized view of pipes/tags_mv.pipe:24
DROP VIEW IF EXISTS tags_mv SYNC;

-- top_brand: drop view of pipes/top_brand.pipe:3
DROP VIEW IF EXISTS top_brand SYNC;

-- brand_tags: drop view of pipes/brand_tags.pipe:1
DROP VIEW IF EXISTS brand_tags SYNC;

-- draft: drop view of pipes/draft.pipe:3
DROP VIEW IF EXISTS draft SYNC;

-- tag_counts: drop table of datasources/tag_counts.datasource:1
DROP TABLE IF EXISTS tag_counts SYNC;

-- products: drop table of datasources/products.datasource:1
DROP TABLE IF EXISTS products SYNC;

-- events: drop table of datasources/events.datasource:1
DROP TABLE IF EXISTS events SYNC;
