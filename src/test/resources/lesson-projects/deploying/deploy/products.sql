CREATE TABLE products (product_id String, price Nullable(Float64), version UInt64)
ENGINE = ReplacingMergeTree(version)
ORDER BY product_id;
