-- summing_one: table, from datasources/summing_one.datasource:1
CREATE TABLE summing_one
(
    day Date,
    product String,
    units UInt64
)
ENGINE = SummingMergeTree(units)
ORDER BY (day, product);
