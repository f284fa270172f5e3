-- nothing_stored: table, from datasources/nothing_stored.datasource:1
--
-- A Null table stores nothing: materialized views reading it still fire on every insert.
CREATE TABLE nothing_stored
(
    raw String
)
ENGINE = Null;
