-- events: table, from datasources/events.datasource:1
CREATE TABLE events
(
    action LowCardinality(String),
    product_id String,
    tags Array(String),
    price Nullable(Float64),
    timestamp DateTime
)
ENGINE = MergeTree
ORDER BY (action, timestamp);
