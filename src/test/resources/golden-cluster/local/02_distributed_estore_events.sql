-- cluster local (local: run on every node; plain engines, local + Distributed)
-- estore_events: Distributed table over estore_events_local on every shard (inserts spread by rand()), from datasources/estore_events.datasource:1
CREATE TABLE estore_events AS estore_events_local
ENGINE = Distributed('local', currentDatabase(), 'estore_events_local', rand());
