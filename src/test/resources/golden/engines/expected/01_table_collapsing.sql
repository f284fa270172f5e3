-- collapsing: table, from datasources/collapsing.datasource:1
CREATE TABLE collapsing
(
    user_id UInt64,
    page_views UInt32,
    sign Int8
)
ENGINE = CollapsingMergeTree(sign)
ORDER BY user_id;
