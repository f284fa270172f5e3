-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- returns_enriched: Distributed table over returns_enriched_local on every shard (inserts spread by rand()), from datasources/returns_enriched.datasource:1
CREATE TABLE returns_enriched ON CLUSTER 'prod' AS returns_enriched_local
ENGINE = Distributed('prod', currentDatabase(), 'returns_enriched_local', rand());
