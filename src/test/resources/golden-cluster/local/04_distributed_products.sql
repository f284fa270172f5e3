-- cluster local (local: run on every node; plain engines, local + Distributed)
-- products: Distributed table over products_local on every shard (inserts spread by cityHash64(product_id)), from datasources/products.datasource:1
CREATE TABLE products AS products_local
ENGINE = Distributed('local', currentDatabase(), 'products_local', cityHash64(product_id));
