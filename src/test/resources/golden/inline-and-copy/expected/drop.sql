-- revenue_mv: drop materialized view of pipes/revenue_mv.pipe:3
DROP VIEW IF EXISTS revenue_mv SYNC;

-- snapshot_mv: drop materialized view of pipes/snapshot_mv.pipe:5
DROP VIEW IF EXISTS snapshot_mv SYNC;

-- revenue_api: drop view of pipes/revenue_api.pipe:1
DROP VIEW IF EXISTS revenue_api SYNC;

-- daily_snapshot: drop table of datasources/daily_snapshot.datasource:1
DROP TABLE IF EXISTS daily_snapshot SYNC;

-- revenue_by_product: drop table of pipes/revenue_mv.pipe:3
DROP TABLE IF EXISTS revenue_by_product SYNC;

-- events: drop table of datasources/events.datasource:1
DROP TABLE IF EXISTS events SYNC;
