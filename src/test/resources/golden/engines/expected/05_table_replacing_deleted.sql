-- replacing_deleted: table, from datasources/replacing_deleted.datasource:1
CREATE TABLE replacing_deleted
(
    id UInt64,
    name String,
    version UInt64,
    deleted UInt8
)
ENGINE = ReplacingMergeTree(version, deleted)
ORDER BY id;
