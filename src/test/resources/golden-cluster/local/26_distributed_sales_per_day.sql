-- cluster local (local: run on every node; plain engines, local + Distributed)
-- sales_per_day: Distributed table over sales_per_day_local on every shard (inserts spread by cityHash64(day)), from datasources/sales_per_day.datasource:1
CREATE TABLE sales_per_day AS sales_per_day_local
ENGINE = Distributed('local', currentDatabase(), 'sales_per_day_local', cityHash64(day));
