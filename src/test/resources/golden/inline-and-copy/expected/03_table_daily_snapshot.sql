-- daily_snapshot: table, from datasources/daily_snapshot.datasource:1
CREATE TABLE daily_snapshot
(
    day Date,
    product_id String,
    revenue Float64
)
ENGINE = MergeTree
ORDER BY (day, product_id);
