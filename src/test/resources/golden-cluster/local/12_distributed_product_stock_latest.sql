-- cluster local (local: run on every node; plain engines, local + Distributed)
-- product_stock_latest: Distributed table over product_stock_latest_local on every shard (inserts spread by cityHash64(product_id)), from datasources/product_stock_latest.datasource:1
CREATE TABLE product_stock_latest AS product_stock_latest_local
ENGINE = Distributed('local', currentDatabase(), 'product_stock_latest_local', cityHash64(product_id));
