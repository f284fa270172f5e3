-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- products: Distributed table over products_local on every shard (inserts spread by cityHash64(product_id)), from datasources/products.datasource:1
CREATE TABLE products ON CLUSTER 'prod' AS products_local
ENGINE = Distributed('prod', currentDatabase(), 'products_local', cityHash64(product_id));
