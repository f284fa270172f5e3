-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_per_minute: Distributed table over sales_per_minute_local on every shard (inserts spread by cityHash64(minute)), from datasources/sales_per_minute.datasource:1
CREATE TABLE sales_per_minute AS sales_per_minute_local
ENGINE = Distributed('local', currentDatabase(), 'sales_per_minute_local', cityHash64(minute));
