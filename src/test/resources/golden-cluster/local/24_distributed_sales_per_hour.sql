-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_per_hour: Distributed table over sales_per_hour_local on every shard (inserts spread by cityHash64(hour)), from datasources/sales_per_hour.datasource:1
CREATE TABLE sales_per_hour AS sales_per_hour_local
ENGINE = Distributed('local', currentDatabase(), 'sales_per_hour_local', cityHash64(hour));
