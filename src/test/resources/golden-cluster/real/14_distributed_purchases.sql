-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- purchases: Distributed table over purchases_local on every shard (inserts spread by rand()), from datasources/purchases.datasource:1
CREATE TABLE purchases ON CLUSTER 'prod' AS purchases_local
ENGINE = Distributed('prod', currentDatabase(), 'purchases_local', rand());
