-- summing_many: table, from datasources/summing_many.datasource:1
CREATE TABLE summing_many
(
    day Date,
    units UInt64,
    revenue Float64
)
ENGINE = SummingMergeTree((units, revenue))
ORDER BY day;
