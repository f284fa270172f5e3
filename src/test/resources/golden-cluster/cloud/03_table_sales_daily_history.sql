-- cluster prod (ClickHouse Cloud: SharedMergeTree and the Replicated database replicate it; no ON CLUSTER, no Distributed)
-- sales_daily_history: table, from datasources/sales_daily_history.datasource:1
--
-- Lesson: lambda architecture, the batch layer. Finished days of sales per product, appended by the
-- copy pipe sales_daily_history_copy (scheduled daily; run it with `mvlab copy
-- sales_daily_history_copy`). The sales_daily_lambda endpoint serves these days from here and the
-- days not copied yet from the raw events.
CREATE TABLE sales_daily_history
(
    day Date,
    product_id String,
    purchases UInt64,
    revenue Float64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (day, product_id);
