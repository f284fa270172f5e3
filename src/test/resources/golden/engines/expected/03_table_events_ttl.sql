-- events_ttl: table, from datasources/events_ttl.datasource:1
--
-- Every MergeTree clause: partition, primary key, sorting key, TTL, settings, defaults, codecs, indexes.
CREATE TABLE events_ttl
(
    id UInt64,
    `index` String,
    kind LowCardinality(String) DEFAULT 'unknown',
    payload String CODEC(ZSTD(3)),
    amount Decimal(18, 4),
    timestamp DateTime64(3),
    INDEX kind_set kind TYPE set(100) GRANULARITY 4,
    INDEX payload_bf payload TYPE bloom_filter(0.01) GRANULARITY 1000000
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
PRIMARY KEY kind
ORDER BY (kind, timestamp, id)
TTL toDateTime(timestamp) + INTERVAL 90 DAY
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;
