-- events: table, from datasources/events.datasource:1
CREATE TABLE events
(
    product_id String,
    price Float64,
    timestamp DateTime
)
ENGINE = MergeTree
ORDER BY timestamp;
