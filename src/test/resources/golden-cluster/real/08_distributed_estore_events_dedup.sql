-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- estore_events_dedup: Distributed table over estore_events_dedup_local on every shard (inserts spread by cityHash64(action, timestamp, customer_id, product_id)), from datasources/estore_events_dedup.datasource:1
CREATE TABLE estore_events_dedup ON CLUSTER 'prod' AS estore_events_dedup_local
ENGINE = Distributed('prod', currentDatabase(), 'estore_events_dedup_local', cityHash64(action, timestamp, customer_id, product_id));
