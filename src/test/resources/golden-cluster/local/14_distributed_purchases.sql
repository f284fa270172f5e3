-- cluster local (local: run on every node; plain engines, local + Distributed)
-- purchases: Distributed table over purchases_local on every shard (inserts spread by rand()), from datasources/purchases.datasource:1
CREATE TABLE purchases AS purchases_local
ENGINE = Distributed('local', currentDatabase(), 'purchases_local', rand());
