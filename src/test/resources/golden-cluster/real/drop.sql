-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events_dedup_mv: drop materialized view of pipes/estore_events_dedup_mv.pipe:7
DROP VIEW IF EXISTS estore_events_dedup_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_activity_hourly_mv: drop materialized view of pipes/product_activity_hourly_mv.pipe:8
DROP VIEW IF EXISTS product_activity_hourly_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_stock_latest_mv: drop materialized view of pipes/product_stock_latest_mv.pipe:12
DROP VIEW IF EXISTS product_stock_latest_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- purchases_mv: drop materialized view of pipes/purchases_mv.pipe:17
DROP VIEW IF EXISTS purchases_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched_mv: drop materialized view of pipes/returns_enriched_mv.pipe:21
DROP VIEW IF EXISTS returns_enriched_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_mv: drop materialized view of pipes/returns_mv.pipe:7
DROP VIEW IF EXISTS returns_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_hourly_mv: drop materialized view of pipes/sales_hourly_mv.pipe:9
DROP VIEW IF EXISTS sales_hourly_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_minute_mv: drop materialized view of pipes/sales_per_minute_mv.pipe:7
DROP VIEW IF EXISTS sales_per_minute_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_hour_mv: drop materialized view of pipes/sales_per_hour_mv.pipe:7
DROP VIEW IF EXISTS sales_per_hour_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_day_mv: drop materialized view of pipes/sales_per_day_mv.pipe:6
DROP VIEW IF EXISTS sales_per_day_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand_mv: drop materialized view of pipes/stock_by_brand_mv.pipe:13
DROP VIEW IF EXISTS stock_by_brand_mv ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- top_products: drop view of pipes/top_products.pipe:9
DROP VIEW IF EXISTS top_products ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand_live: drop view of pipes/stock_by_brand_live.pipe:17
DROP VIEW IF EXISTS stock_by_brand_live ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_daily_lambda: drop view of pipes/sales_daily_lambda.pipe:27
DROP VIEW IF EXISTS sales_daily_lambda ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched_live: drop view of pipes/returns_enriched_live.pipe:14
DROP VIEW IF EXISTS returns_enriched_live ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand: drop table of pipes/stock_by_brand_mv.pipe:13
DROP TABLE IF EXISTS stock_by_brand ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand_local: drop table of pipes/stock_by_brand_mv.pipe:13
DROP TABLE IF EXISTS stock_by_brand_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_day: drop table of datasources/sales_per_day.datasource:1
DROP TABLE IF EXISTS sales_per_day ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_day_local: drop table of datasources/sales_per_day.datasource:1
DROP TABLE IF EXISTS sales_per_day_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_hour: drop table of datasources/sales_per_hour.datasource:1
DROP TABLE IF EXISTS sales_per_hour ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_hour_local: drop table of datasources/sales_per_hour.datasource:1
DROP TABLE IF EXISTS sales_per_hour_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_minute: drop table of datasources/sales_per_minute.datasource:1
DROP TABLE IF EXISTS sales_per_minute ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_minute_local: drop table of datasources/sales_per_minute.datasource:1
DROP TABLE IF EXISTS sales_per_minute_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_hourly: drop table of datasources/sales_hourly.datasource:1
DROP TABLE IF EXISTS sales_hourly ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_hourly_local: drop table of datasources/sales_hourly.datasource:1
DROP TABLE IF EXISTS sales_hourly_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns: drop table of datasources/returns.datasource:1
DROP TABLE IF EXISTS returns ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_local: drop table of datasources/returns.datasource:1
DROP TABLE IF EXISTS returns_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched: drop table of datasources/returns_enriched.datasource:1
DROP TABLE IF EXISTS returns_enriched ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched_local: drop table of datasources/returns_enriched.datasource:1
DROP TABLE IF EXISTS returns_enriched_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- purchases: drop table of datasources/purchases.datasource:1
DROP TABLE IF EXISTS purchases ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- purchases_local: drop table of datasources/purchases.datasource:1
DROP TABLE IF EXISTS purchases_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_stock_latest: drop table of datasources/product_stock_latest.datasource:1
DROP TABLE IF EXISTS product_stock_latest ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_stock_latest_local: drop table of datasources/product_stock_latest.datasource:1
DROP TABLE IF EXISTS product_stock_latest_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_activity_hourly: drop table of datasources/product_activity_hourly.datasource:1
DROP TABLE IF EXISTS product_activity_hourly ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_activity_hourly_local: drop table of datasources/product_activity_hourly.datasource:1
DROP TABLE IF EXISTS product_activity_hourly_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events_dedup: drop table of datasources/estore_events_dedup.datasource:1
DROP TABLE IF EXISTS estore_events_dedup ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events_dedup_local: drop table of datasources/estore_events_dedup.datasource:1
DROP TABLE IF EXISTS estore_events_dedup_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_daily_history: drop table of datasources/sales_daily_history.datasource:1
DROP TABLE IF EXISTS sales_daily_history ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_daily_history_local: drop table of datasources/sales_daily_history.datasource:1
DROP TABLE IF EXISTS sales_daily_history_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- products: drop table of datasources/products.datasource:1
DROP TABLE IF EXISTS products ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- products_local: drop table of datasources/products.datasource:1
DROP TABLE IF EXISTS products_local ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events: drop table of datasources/estore_events.datasource:1
DROP TABLE IF EXISTS estore_events ON CLUSTER 'prod' SYNC;

-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events_local: drop table of datasources/estore_events.datasource:1
DROP TABLE IF EXISTS estore_events_local ON CLUSTER 'prod' SYNC;
