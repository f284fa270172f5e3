-- cluster local (local: run on every node; plain engines, local + Distributed)
-- returns: Distributed table over returns_local on every shard (inserts spread by rand()), from datasources/returns.datasource:1
CREATE TABLE returns AS returns_local
ENGINE = Distributed('local', currentDatabase(), 'returns_local', rand());
