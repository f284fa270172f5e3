-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- estore_events_dedup_mv: drop materialized view of pipes/estore_events_dedup_mv.pipe:7
DROP VIEW IF EXISTS estore_events_dedup_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- product_activity_hourly_mv: drop materialized view of pipes/product_activity_hourly_mv.pipe:8
DROP VIEW IF EXISTS product_activity_hourly_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- product_stock_latest_mv: drop materialized view of pipes/product_stock_latest_mv.pipe:12
DROP VIEW IF EXISTS product_stock_latest_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- purchases_mv: drop materialized view of pipes/purchases_mv.pipe:17
DROP VIEW IF EXISTS purchases_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns_enriched_mv: drop materialized view of pipes/returns_enriched_mv.pipe:21
DROP VIEW IF EXISTS returns_enriched_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns_mv: drop materialized view of pipes/returns_mv.pipe:7
DROP VIEW IF EXISTS returns_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_hourly_mv: drop materialized view of pipes/sales_hourly_mv.pipe:9
DROP VIEW IF EXISTS sales_hourly_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_minute_mv: drop materialized view of pipes/sales_per_minute_mv.pipe:7
DROP VIEW IF EXISTS sales_per_minute_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_hour_mv: drop materialized view of pipes/sales_per_hour_mv.pipe:7
DROP VIEW IF EXISTS sales_per_hour_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_day_mv: drop materialized view of pipes/sales_per_day_mv.pipe:6
DROP VIEW IF EXISTS sales_per_day_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- stock_by_brand_mv: drop materialized view of pipes/stock_by_brand_mv.pipe:13
DROP VIEW IF EXISTS stock_by_brand_mv SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- top_products: drop view of pipes/top_products.pipe:9
DROP VIEW IF EXISTS top_products SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- stock_by_brand_live: drop view of pipes/stock_by_brand_live.pipe:17
DROP VIEW IF EXISTS stock_by_brand_live SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_daily_lambda: drop view of pipes/sales_daily_lambda.pipe:27
DROP VIEW IF EXISTS sales_daily_lambda SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns_enriched_live: drop view of pipes/returns_enriched_live.pipe:14
DROP VIEW IF EXISTS returns_enriched_live SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- stock_by_brand: drop table of pipes/stock_by_brand_mv.pipe:13
DROP TABLE IF EXISTS stock_by_brand SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_day: drop table of datasources/sales_per_day.datasource:1
DROP TABLE IF EXISTS sales_per_day SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_hour: drop table of datasources/sales_per_hour.datasource:1
DROP TABLE IF EXISTS sales_per_hour SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_per_minute: drop table of datasources/sales_per_minute.datasource:1
DROP TABLE IF EXISTS sales_per_minute SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_hourly: drop table of datasources/sales_hourly.datasource:1
DROP TABLE IF EXISTS sales_hourly SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns: drop table of datasources/returns.datasource:1
DROP TABLE IF EXISTS returns SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- returns_enriched: drop table of datasources/returns_enriched.datasource:1
DROP TABLE IF EXISTS returns_enriched SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- purchases: drop table of datasources/purchases.datasource:1
DROP TABLE IF EXISTS purchases SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- product_stock_latest: drop table of datasources/product_stock_latest.datasource:1
DROP TABLE IF EXISTS product_stock_latest SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- product_activity_hourly: drop table of datasources/product_activity_hourly.datasource:1
DROP TABLE IF EXISTS product_activity_hourly SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- estore_events_dedup: drop table of datasources/estore_events_dedup.datasource:1
DROP TABLE IF EXISTS estore_events_dedup SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_daily_history: drop table of datasources/sales_daily_history.datasource:1
DROP TABLE IF EXISTS sales_daily_history SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- products: drop table of datasources/products.datasource:1
DROP TABLE IF EXISTS products SYNC;

-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- estore_events: drop table of datasources/estore_events.datasource:1
DROP TABLE IF EXISTS estore_events SYNC;
