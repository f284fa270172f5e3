-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_activity_hourly: Distributed table over product_activity_hourly_local on every shard (inserts spread by cityHash64(product_id, hour)), from datasources/product_activity_hourly.datasource:1
CREATE TABLE product_activity_hourly ON CLUSTER 'prod' AS product_activity_hourly_local
ENGINE = Distributed('prod', currentDatabase(), 'product_activity_hourly_local', cityHash64(product_id, hour));
