-- default_engine: table, from datasources/default_engine.datasource:1
CREATE TABLE default_engine
(
    a String,
    b UInt8
)
ENGINE = MergeTree
ORDER BY tuple();
