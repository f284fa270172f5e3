CREATE TABLE events
(
    ts         DateTime,
    product_id String,
    action     LowCardinality(String),
    price      Float64
)
ENGINE = MergeTree
ORDER BY ts;
