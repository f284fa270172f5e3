-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- product_stock_latest: Distributed table over product_stock_latest_local on every shard (inserts spread by cityHash64(product_id)), from datasources/product_stock_latest.datasource:1
CREATE TABLE product_stock_latest ON CLUSTER 'prod' AS product_stock_latest_local
ENGINE = Distributed('prod', currentDatabase(), 'product_stock_latest_local', cityHash64(product_id));
