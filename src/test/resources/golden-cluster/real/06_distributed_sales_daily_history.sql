-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_daily_history: Distributed table over sales_daily_history_local on every shard (inserts spread by rand()), from datasources/sales_daily_history.datasource:1
CREATE TABLE sales_daily_history ON CLUSTER 'prod' AS sales_daily_history_local
ENGINE = Distributed('prod', currentDatabase(), 'sales_daily_history_local', rand());
