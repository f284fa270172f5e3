-- cluster local (local: run on every node; plain engines, local + Distributed)
-- products: table (on every shard; read and insert through the Distributed table products), from datasources/products.datasource:1
--
-- The product catalogue. The generator writes every product once, and later writes new versions of
-- some products (a new price, a new stock count) as new rows with a later `updated_at`.
--
-- ReplacingMergeTree keeps, per sorting key (`product_id`), the row with the highest ENGINE_VER
-- (`updated_at`) - but only when parts merge, in the background, at a time nobody chooses. Until
-- then both versions are stored and a plain SELECT returns both. Read it with FINAL (or argMax) to
-- see one row per product. Materialized views reading this table see every version as it is
-- inserted: see stock_by_brand_mv for what that does to an aggregate.
CREATE TABLE products_local
(
    product_id String,
    brand String,
    model String,
    price Float64,
    number_on_hand UInt32,
    updated_at DateTime
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY product_id;
