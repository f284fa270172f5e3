-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- stock_by_brand: Distributed table over stock_by_brand_local on every shard (inserts spread by cityHash64(brand)), from pipes/stock_by_brand_mv.pipe:13
CREATE TABLE stock_by_brand ON CLUSTER 'prod' AS stock_by_brand_local
ENGINE = Distributed('prod', currentDatabase(), 'stock_by_brand_local', cityHash64(brand));
