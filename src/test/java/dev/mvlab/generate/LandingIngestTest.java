package dev.mvlab.generate;

import dev.mvlab.clickhouse.Compression;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The stream into a workshop-like landing table with MVs: exact content, rules, duplicates, retries. */
@ExtendWith(ClickHouseExtension.class)
class LandingIngestTest {
    private static final long EVENTS = 150_000;
    private static final BatchSettings SMALL_BATCHES = new BatchSettings(20_000, Duration.ofSeconds(5), 2, 2);

    @TempDir
    static Path project;

    @BeforeAll
    static void createTables(Database db) {
        Workshop.createTables(db, "estore_events");
        Workshop.createTables(db, "rules_check");
        Workshop.createTables(db, "retried");
    }

    @Test
    void theTableHoldsExactlyTheStreamAndTheViewsAgree(Database db) {
        StreamOptions options = StreamOptions.defaults(7);
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("estore_events"), project.resolve("cp"),
                SMALL_BATCHES, RetryPolicy.DEFAULT);
        GenerateResult result = ingest.run(options, true, RunLimits.events(EVENTS), false, Progress.Listener.NONE);

        assertThat(result.events()).isEqualTo(EVENTS);
        assertThat(result.batches()).isEqualTo(8);
        assertThat(result.target()).isEqualTo(db.name() + ".estore_events");
        assertThat(result.notes()).singleElement().asString().contains("non_replicated_deduplication_window = 1000")
                .contains("estore_events_purchases").contains("estore_events_hourly");
        assertThat(Workshop.tableFingerprint(db, "estore_events"))
                .isEqualTo(Workshop.expectedFingerprint(db, options, EVENTS, "expected_7"));
        for (Action action : Action.values()) {
            assertThat(db.queryLong("SELECT count() FROM estore_events WHERE action = ?", action.json()))
                    .as(action.json()).isEqualTo(result.actions().get(action));
        }
        assertThat(db.queryLong("SELECT count() FROM estore_events WHERE (action = 'purchase') != (price IS NOT NULL)"))
                .isZero();
        Workshop.assertViewsMatch(db, "estore_events");
        Workshop.assertNoRuleViolations(db, "estore_events");
        assertThat(Checkpoint.read(ingest.checkpointFile())).hasValueSatisfying(c -> {
            assertThat(c.complete()).isTrue();
            assertThat(c.acknowledged()).isEqualTo(EVENTS);
            assertThat(c.ranges()).isEmpty();
        });
    }

    @Test
    void exactDuplicatesLandAsTheStreamSentThemAndTheMixHoldsOnTheTable(Database db) {
        GenerateResult result = new LandingIngest(db, Workshop.landing("estore_events"), project.resolve("cp"),
                SMALL_BATCHES, RetryPolicy.DEFAULT).run(StreamOptions.defaults(8).withSeed(8), true,
                RunLimits.events(EVENTS), false, Progress.Listener.NONE);
        // the previous test's rows are there too; count this run's by a separate table instead
        assertThat(result.duplicates() / (double) EVENTS).isCloseTo(0.02, within(0.003));
        db.execute("CREATE TABLE dup_check AS estore_events");
        new LandingIngest(db, Workshop.landing("dup_check"), project.resolve("cp"), SMALL_BATCHES,
                RetryPolicy.DEFAULT).run(StreamOptions.defaults(8), true, RunLimits.events(EVENTS), false,
                Progress.Listener.NONE);
        long resent = db.queryLong("SELECT sum(c - 1) FROM (SELECT count() AS c FROM dup_check "
                + "GROUP BY customer_id, product_id, price, action, timestamp)");
        assertThat(resent).isEqualTo(result.duplicates());
        long originals = EVENTS - resent;
        for (Action action : Action.values()) {
            long count = db.queryLong("SELECT count() FROM (SELECT DISTINCT * FROM dup_check) WHERE action = ?",
                    action.json());
            assertThat(count / (double) originals).as(action.json()).isCloseTo(ActionWeights.DEFAULT.share(action),
                    within(0.01));
        }
    }

    @Test
    void lz4CompressedBodiesLandTheSameRows(Database db) {
        db.execute("CREATE TABLE compressed AS estore_events");
        GenerateResult result = new LandingIngest(db, Workshop.landing("compressed"), project.resolve("cp"),
                new BatchSettings(20_000, Duration.ofSeconds(5), 2, 2, Compression.LZ4), RetryPolicy.DEFAULT)
                .run(StreamOptions.defaults(6), true, RunLimits.events(50_000), false, Progress.Listener.NONE);
        assertThat(result.events()).isEqualTo(50_000);
        assertThat(Workshop.tableFingerprint(db, "compressed"))
                .isEqualTo(Workshop.expectedFingerprint(db, StreamOptions.defaults(6), 50_000, "expected_lz4"));
    }

    @Test
    void theRuleCheckFindsABrokenStream(Database db) {
        db.execute("INSERT INTO rules_check VALUES ('c1', 'p1', NULL, 'view', '2024-09-19 00:00:01'), "
                + "('c1', 'p1', NULL, 'cart', '2024-09-19 00:00:02'), ('c1', 'p1', 9.99, 'purchase', '2024-09-19 00:00:03'), "
                + "('c1', 'p1', 9.99, 'purchase', '2024-09-19 00:00:03'), ('c1', 'p1', NULL, 'return', '2024-09-19 00:00:04')");
        Workshop.assertNoRuleViolations(db, "rules_check");
        db.execute("INSERT INTO rules_check VALUES ('c2', 'p1', 9.99, 'purchase', '2024-09-19 00:00:05'), "
                + "('c1', 'p1', NULL, 'return', '2024-09-19 00:00:06'), ('c3', 'p3', NULL, 'cart', '2024-09-19 00:00:01'), "
                + "('c3', 'p3', NULL, 'view', '2024-09-19 00:00:02'), ('c1', 'p1', NULL, 'uncart', '2024-09-19 00:00:07'),"
                + "('c4', 'p4', NULL, 'view', '2024-09-19 00:00:01'), ('c4', 'p4', NULL, 'cart', '2024-09-19 00:00:01')");
        // c3 carts before viewing; c4 views and carts in the same second (order unknown: a bad cart and a shared time)
        assertThat(Workshop.ruleViolations(db, "rules_check").stream().map(v -> ((Number) v).longValue()).toList())
                .containsExactly(2L, 1L, 1L, 1L, 1L);
    }

    @Test
    void aRetriedBatchWithItsTokenIsStoredOnceAlsoInTheViewsWhileItsOwnDuplicatesStay(Database db) throws Exception {
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("retried"), project.resolve("cp"), SMALL_BATCHES,
                RetryPolicy.DEFAULT);
        new LandingTable(db, "retried").ensureDeduplication();
        HttpInserter inserter = new HttpInserter(db.endpoint(), db.name(), ingest.insertSql(), RetryPolicy.DEFAULT);
        String line = "{\"customer_id\":\"customer_1\",\"product\":{\"product_id\":\"product_2\",\"price\":5.99},"
                + "\"action\":\"purchase\",\"timestamp\":\"2024-09-19T16:33:11\"}\n";
        byte[] batch = (line + line + line.replace("customer_1", "customer_3")).getBytes(StandardCharsets.US_ASCII);
        inserter.insert(batch, batch.length, "run:0-3");
        inserter.insert(batch, batch.length, "run:0-3");
        assertThat(db.queryLong("SELECT count() FROM retried")).isEqualTo(3);
        assertThat(db.queryLong("SELECT count() FROM retried_purchases")).isEqualTo(3);
        inserter.insert(batch, batch.length, "run:3-6");
        assertThat(db.queryLong("SELECT count() FROM retried")).isEqualTo(6);
        Workshop.assertViewsMatch(db, "retried");
    }

    @Test
    void aMissingTableNamesTheCommandThatCreatesIt(Database db) {
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("no_such_landing"), project.resolve("cp"),
                SMALL_BATCHES, RetryPolicy.DEFAULT);
        assertThatThrownBy(() -> ingest.run(StreamOptions.defaults(1), true, RunLimits.events(10), false,
                Progress.Listener.NONE)).isInstanceOf(MvlabException.class)
                .hasMessage("the landing table " + db.name() + ".no_such_landing does not exist")
                .satisfies(e -> {
                    assertThat(((MvlabException) e).hint()).startsWith("create it from no_such_landing.datasource first: mvlab apply");
                    assertThat(((MvlabException) e).exitCode()).isEqualTo(ExitCode.DATABASE);
                });
        try (Database missing = db.use("no_such_database_" + System.nanoTime())) {
            assertThatThrownBy(() -> new LandingIngest(missing, Workshop.landing("estore_events"), project, SMALL_BATCHES,
                    RetryPolicy.DEFAULT).run(StreamOptions.defaults(1), true, RunLimits.events(10), false,
                    Progress.Listener.NONE)).hasMessageContaining("does not exist, so neither does the table estore_events")
                    .satisfies(e -> assertThat(((MvlabException) e).hint()).contains("mvlab apply --database"));
        }
    }

    @Test
    void aResumeNeedsACheckpointAndTheSameOptions(Database db) {
        db.execute("CREATE TABLE resumable AS estore_events");
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("resumable"), project.resolve("resume"),
                SMALL_BATCHES, RetryPolicy.DEFAULT);
        assertThatThrownBy(() -> ingest.run(StreamOptions.defaults(3), false, RunLimits.events(1000), true,
                Progress.Listener.NONE)).hasMessageContaining("nothing to resume: no checkpoint");
        ingest.run(StreamOptions.defaults(3), true, RunLimits.events(30_000), false, Progress.Listener.NONE);
        assertThatThrownBy(() -> ingest.run(new StreamOptions(10, 500, ActionWeights.DEFAULT,
                StreamOptions.DEFAULT_START, 5, 0.02, 0.01, Duration.ofMinutes(10), 3, 1), true,
                RunLimits.events(50_000), true, Progress.Listener.NONE))
                .hasMessageContaining("--resume needs the same stream options").hasMessageContaining("customers=10");
        // a finished run extended with --resume (seed from the checkpoint) continues the same stream
        GenerateResult more = ingest.run(StreamOptions.defaults(999), false, RunLimits.events(50_000), true,
                Progress.Listener.NONE);
        assertThat(more.resumedFrom()).isEqualTo(30_000);
        assertThat(more.events()).isEqualTo(20_000);
        assertThat(more.seed()).isEqualTo(3);
        assertThat(Workshop.tableFingerprint(db, "resumable"))
                .isEqualTo(Workshop.expectedFingerprint(db, StreamOptions.defaults(3), 50_000, "expected_resume"));
    }

    @Test
    void batchesInDoubtThatTheServerAlreadyHoldsAreNotStoredTwiceOnResume(Database db) {
        db.execute("CREATE TABLE in_doubt AS estore_events");
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("in_doubt"), project.resolve("doubt"),
                new BatchSettings(10_000, Duration.ofSeconds(5), 1, 1), RetryPolicy.DEFAULT);
        ingest.run(StreamOptions.defaults(4), true, RunLimits.events(30_000), false, Progress.Listener.NONE);
        Checkpoint done = Checkpoint.read(ingest.checkpointFile()).orElseThrow();
        // as if the engine had died after storing the last two batches but before acknowledging them
        new Checkpoint(Checkpoint.VERSION, done.runId(), done.database(), done.table(), done.stream(), done.seed(),
                10_000, List.of(new Checkpoint.Range(10_000, 20_000, false), new Checkpoint.Range(20_000, 30_000, false)),
                false).write(ingest.checkpointFile());
        GenerateResult resumed = ingest.run(StreamOptions.defaults(4), true, RunLimits.events(40_000), true,
                Progress.Listener.NONE);
        assertThat(resumed.resumedFrom()).isEqualTo(10_000);
        assertThat(resumed.notes()).contains("resumed run " + done.runId() + " at event 10000");
        assertThat(resumed.batches()).isEqualTo(3);
        assertThat(Workshop.tableFingerprint(db, "in_doubt"))
                .isEqualTo(Workshop.expectedFingerprint(db, StreamOptions.defaults(4), 40_000, "expected_doubt"));
        new Checkpoint(Checkpoint.VERSION, "old", done.database(), done.table(), done.stream(), done.seed(), 5,
                List.of(), false).write(ingest.checkpointFile());
        db.execute("TRUNCATE TABLE in_doubt");
        GenerateResult fresh = ingest.run(StreamOptions.defaults(4), true, RunLimits.events(100), false,
                Progress.Listener.NONE);
        assertThat(fresh.notes()).contains("replaced the checkpoint of interrupted run old (5 events acknowledged); "
                + "--resume would have continued it");
    }

    @Test
    void aStatementTheServerRefusesIsReportedNotRetried(Database db) {
        HttpInserter inserter = new HttpInserter(db.endpoint(), db.name(), "INSERT INTO estore_events (nope) "
                + "SELECT 1 FROM input('x String') FORMAT LineAsString", RetryPolicy.within(Duration.ofSeconds(30)));
        byte[] body = "a\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> inserter.insert(body, body.length, "t")).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("nope");
    }
}
