-- cluster local (local: run on every node; plain engines, local + Distributed)
-- returns_enriched: Distributed table over returns_enriched_local on every shard (inserts spread by rand()), from datasources/returns_enriched.datasource:1
CREATE TABLE returns_enriched AS returns_enriched_local
ENGINE = Distributed('local', currentDatabase(), 'returns_enriched_local', rand());
