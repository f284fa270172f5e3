-- versioned: table, from datasources/versioned.datasource:1
CREATE TABLE versioned
(
    user_id UInt64,
    page_views UInt32,
    sign Int8,
    version UInt8
)
ENGINE = VersionedCollapsingMergeTree(sign, version)
ORDER BY user_id;
