-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_per_minute: Distributed table over sales_per_minute_local on every shard (inserts spread by cityHash64(minute)), from datasources/sales_per_minute.datasource:1
CREATE TABLE sales_per_minute ON CLUSTER 'prod' AS sales_per_minute_local
ENGINE = Distributed('prod', currentDatabase(), 'sales_per_minute_local', cityHash64(minute));
