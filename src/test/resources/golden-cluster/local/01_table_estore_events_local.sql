-- cluster local (local: run on every node; plain engines, local + Distributed)
-- estore_events: table (on every shard; read and insert through the Distributed table estore_events), from datasources/estore_events.datasource:1
--
-- Landing data source: one row per e-store event (view, cart, uncart, purchase, return) that the
-- data generator posts as JSON. Only purchase events carry a price; the others leave it NULL.
--
-- Every materialized view of this workshop starts here. A materialized view is an insert trigger:
-- it runs its query on each block of rows inserted into this table, and only on that block. It
-- never sees the rows that were here before it was created, and never sees later updates.
--
-- Sorting key `action, timestamp` (rather than `timestamp, action`): most questions ask about one
-- action (purchases, returns) over a time range. With the low-cardinality `action` first, ClickHouse
-- skips the granules of the other actions, and rows of one action sit together and compress better.
-- Partitions by month make old data cheap to drop.
CREATE TABLE estore_events_local
(
    action LowCardinality(String),
    customer_id String,
    product_id String,
    price Nullable(Float64),
    timestamp DateTime
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (action, timestamp);
