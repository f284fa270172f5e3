-- tag_counts: table, from datasources/tag_counts.datasource:1
CREATE TABLE tag_counts
(
    year UInt16,
    tag String,
    brand String,
    events UInt64
)
ENGINE = SummingMergeTree
ORDER BY (year, tag, brand);
