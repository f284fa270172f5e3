-- sales: table, from datasources/sales.datasource:1
CREATE TABLE sales
(
    day Date,
    product_id String,
    country LowCardinality(String),
    revenue Float64
)
ENGINE = MergeTree
ORDER BY (day, product_id);
