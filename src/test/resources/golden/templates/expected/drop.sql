-- sales_api: drop view of pipes/sales_api.pipe:18
DROP VIEW IF EXISTS sales_api SYNC;

-- sales: drop table of datasources/sales.datasource:1
DROP TABLE IF EXISTS sales SYNC;
