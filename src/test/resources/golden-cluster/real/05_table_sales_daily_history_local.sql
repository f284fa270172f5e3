-- cluster prod (real: ON CLUSTER, Replicated engines, local + Distributed)
-- sales_daily_history: table (on every shard; read and insert through the Distributed table sales_daily_history), from datasources/sales_daily_history.datasource:1
--
-- Lesson: lambda architecture, the batch layer. Finished days of sales per product, appended by the
-- copy pipe sales_daily_history_copy (scheduled daily; run it with `mvlab copy
-- sales_daily_history_copy`). The sales_daily_lambda endpoint serves these days from here and the
-- days not copied yet from the raw events.
CREATE TABLE sales_daily_history_local ON CLUSTER 'prod'
(
    day Date,
    product_id String,
    purchases UInt64,
    revenue Float64
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')
PARTITION BY toYYYYMM(day)
ORDER BY (day, product_id);
