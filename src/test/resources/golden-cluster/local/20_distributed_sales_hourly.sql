-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_hourly: Distributed table over sales_hourly_local on every shard (inserts spread by cityHash64(product_id, hour)), from datasources/sales_hourly.datasource:1
CREATE TABLE sales_hourly AS sales_hourly_local
ENGINE = Distributed('local', currentDatabase(), 'sales_hourly_local', cityHash64(product_id, hour));
