-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns: Distributed table over returns_local on every shard (inserts spread by rand()), from datasources/returns.datasource:1
CREATE TABLE returns ON CLUSTER 'prod' AS returns_local
ENGINE = Distributed('prod', currentDatabase(), 'returns_local', rand());
