package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.testing.Datafiles;

import dev.mvlab.datafile.DatasourceParser;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.DataSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workshop-like landing table with materialized views, created with plain SQL, and the checks the generate
 * tests share: the multiset fingerprint of a stream, and the shop's rules evaluated on a table with SQL.
 */
final class Workshop {
    static final String LANDING_DATAFILE = Datafiles.LANDING + "ENGINE_PARTITION_KEY \"toYYYYMM(timestamp)\"\n";

    private Workshop() {
    }

    static DataSource landing(String name) {
        return DatasourceParser.parse(Path.of("datasources/" + name + ".datasource"), LANDING_DATAFILE);
    }

    /** The landing table {@code name}, a purchases filter MV and an hourly AggregatingMergeTree roll-up. */
    static void createTables(Database db, String name) {
        db.execute("CREATE TABLE " + name + " (customer_id String, product_id String, price Nullable(Float64), "
                + "action LowCardinality(String), timestamp DateTime) ENGINE = MergeTree "
                + "PARTITION BY toYYYYMM(timestamp) ORDER BY (action, timestamp)");
        db.execute("CREATE TABLE " + name + "_purchases (customer_id String, product_id String, price Float64, "
                + "timestamp DateTime) ENGINE = MergeTree ORDER BY timestamp");
        db.execute("CREATE MATERIALIZED VIEW " + name + "_purchases_mv TO " + name + "_purchases AS SELECT "
                + "customer_id, product_id, assumeNotNull(price) AS price, timestamp FROM " + name
                + " WHERE action = 'purchase'");
        db.execute("CREATE TABLE " + name + "_hourly (hour DateTime, action LowCardinality(String), "
                + "events AggregateFunction(count)) ENGINE = AggregatingMergeTree ORDER BY (hour, action)");
        db.execute("CREATE MATERIALIZED VIEW " + name + "_hourly_mv TO " + name + "_hourly AS SELECT "
                + "toStartOfHour(timestamp) AS hour, action, countState() AS events FROM " + name
                + " GROUP BY hour, action");
    }

    /** The NDJSON of a stream. */
    static byte[] ndjson(StreamOptions options, long events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonExport().write(options, RunLimits.events(events), out, "memory", Progress.Listener.NONE);
        return out.toByteArray();
    }

    /**
     * Loads the stream's NDJSON into a table of raw lines and returns its fingerprint, parsed with hand-written
     * SQL (not the mapping under test): count and a sum of row hashes, which is equal for equal multisets of rows.
     */
    static List<Object> expectedFingerprint(Database db, StreamOptions options, long events, String linesTable) {
        db.execute("CREATE TABLE " + linesTable + " (line String) ENGINE = MergeTree ORDER BY tuple()");
        byte[] body = ndjson(options, events);
        try {
            new HttpInserter(db.endpoint(), db.name(), "INSERT INTO " + linesTable + " FORMAT LineAsString",
                    RetryPolicy.DEFAULT).insert(body, body.length, "expected-" + linesTable);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return db.query("SELECT count(), sum(cityHash64(JSONExtractString(line, 'customer_id'), "
                + "JSONExtractString(line, 'product', 'product_id'), "
                + "if(JSONHas(line, 'product', 'price'), JSONExtractFloat(line, 'product', 'price'), -1), "
                + "JSONExtractString(line, 'action'), "
                + "parseDateTimeBestEffort(JSONExtractString(line, 'timestamp')))), "
                + "countIf(JSONExtractString(line, 'action') = 'purchase') FROM " + linesTable).rows().get(0);
    }

    static List<Object> tableFingerprint(Database db, String table) {
        return db.query("SELECT count(), sum(cityHash64(customer_id, product_id, ifNull(price, -1), "
                + "toString(action), timestamp)), countIf(action = 'purchase') FROM " + table).rows().get(0);
    }

    /**
     * Rule violations in event-time order. Exact duplicates are collapsed first; among one customer's distinct events
     * for one product no two share a timestamp (checked too), so "earlier" means a smaller timestamp.
     */
    static List<Object> ruleViolations(Database db, String table) {
        String distinct = "SELECT DISTINCT customer_id, product_id, price, action, timestamp FROM " + table;
        return db.query("SELECT "
                + "countIf(action = 'cart' AND NOT (views_before > 0 AND in_cart_before = 0)) AS bad_carts, "
                + "countIf(action = 'uncart' AND in_cart_before != 1) AS bad_uncarts, "
                + "countIf(action = 'purchase' AND in_cart_before != 1) AS bad_purchases, "
                + "countIf(action = 'return' AND purchases_before <= returns_before) AS bad_returns, "
                + "(SELECT count() FROM (SELECT customer_id, product_id, timestamp FROM (" + distinct + ") "
                + "GROUP BY customer_id, product_id, timestamp HAVING count() > 1)) AS shared_timestamps "
                + "FROM (SELECT action, "
                + "sum(action = 'view') OVER w AS views_before, "
                + "sum(action = 'cart') OVER w - sum(action = 'uncart') OVER w - sum(action = 'purchase') OVER w "
                + "AS in_cart_before, "
                + "sum(action = 'purchase') OVER w AS purchases_before, "
                + "sum(action = 'return') OVER w AS returns_before "
                + "FROM (" + distinct + ") WINDOW w AS (PARTITION BY customer_id, product_id ORDER BY timestamp "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))").rows().get(0);
    }

    static void assertNoRuleViolations(Database db, String table) {
        List<Object> violations = ruleViolations(db, table);
        assertThat(violations.stream().map(v -> ((Number) v).longValue()).toList())
                .as("bad carts, uncarts, purchases, returns, shared timestamps in " + table)
                .containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    /** The materialized views hold exactly what the landing table implies: nothing lost, nothing doubled. */
    static void assertViewsMatch(Database db, String name) {
        assertThat(db.queryLong("SELECT count() FROM " + name + "_purchases"))
                .isEqualTo(db.queryLong("SELECT countIf(action = 'purchase') FROM " + name));
        assertThat(db.query("SELECT action, countMerge(events) FROM " + name + "_hourly GROUP BY action ORDER BY action")
                .rows()).isEqualTo(db.query("SELECT toString(action), count() FROM " + name
                + " GROUP BY action ORDER BY action").rows());
    }
}
