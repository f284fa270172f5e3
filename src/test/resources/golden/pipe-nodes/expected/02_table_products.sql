-- products: table, from datasources/products.datasource:1
CREATE TABLE products
(
    product_id String,
    brand String,
    updated_at DateTime
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY product_id;
