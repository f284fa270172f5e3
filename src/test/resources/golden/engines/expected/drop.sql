-- versioned: drop table of datasources/versioned.datasource:1
DROP TABLE IF EXISTS versioned SYNC;

-- summing_one: drop table of datasources/summing_one.datasource:1
DROP TABLE IF EXISTS summing_one SYNC;

-- summing_many: drop table of datasources/summing_many.datasource:1
DROP TABLE IF EXISTS summing_many SYNC;

-- replacing_deleted: drop table of datasources/replacing_deleted.datasource:1
DROP TABLE IF EXISTS replacing_deleted SYNC;

-- nothing_stored: drop table of datasources/nothing_stored.datasource:1
DROP TABLE IF EXISTS nothing_stored SYNC;

-- events_ttl: drop table of datasources/events_ttl.datasource:1
DROP TABLE IF EXISTS events_ttl SYNC;

-- default_engine: drop table of datasources/default_engine.datasource:1
DROP TABLE IF EXISTS default_engine SYNC;

-- collapsing: drop table of datasources/collapsing.datasource:1
DROP TABLE IF EXISTS collapsing SYNC;
