-- cluster local (local: run on every node; plain engines, local + Distributed)
-- stock_by_brand: Distributed table over stock_by_brand_local on every shard (inserts spread by cityHash64(brand)), from pipes/stock_by_brand_mv.pipe:13
CREATE TABLE stock_by_brand AS stock_by_brand_local
ENGINE = Distributed('local', currentDatabase(), 'stock_by_brand_local', cityHash64(brand));
