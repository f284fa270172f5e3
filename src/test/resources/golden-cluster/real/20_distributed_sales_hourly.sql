-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_hourly: Distributed table over sales_hourly_local on every shard (inserts spread by cityHash64(product_id, hour)), from datasources/sales_hourly.datasource:1
CREATE TABLE sales_hourly ON CLUSTER 'prod' AS sales_hourly_local
ENGINE = Distributed('prod', currentDatabase(), 'sales_hourly_local', cityHash64(product_id, hour));
