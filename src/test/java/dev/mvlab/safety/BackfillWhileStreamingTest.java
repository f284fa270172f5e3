package dev.mvlab.safety;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safe backfill outside lessons: {@code apply --backfill} adds purchases_mv to a database whose estore_events
 * holds history while the generator keeps streaming (late events included); every purchase is in purchases exactly
 * once. {@code mvlab backfill PIPE} does the same for one view, and refuses a view that already exists.
 */
@ExtendWith(ClickHouseExtension.class)
class BackfillWhileStreamingTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final String PURCHASES_IN_RAW = "SELECT count() FROM estore_events WHERE action = 'purchase' "
            + "AND price IS NOT NULL";

    /** The landing data source and the target, with history in the landing table; the pipe not yet there. */
    private static Path projectWithHistory(Path dir, Endpoint endpoint, String database) throws IOException {
        Files.createDirectories(dir.resolve("datasources"));
        Files.createDirectories(dir.resolve("pipes"));
        for (String file : List.of("datasources/estore_events.datasource", "datasources/purchases.datasource")) {
            Files.copy(REPO.resolve(file), dir.resolve(file));
        }
        assertThat(mvlab(dir, endpoint, database, "apply").code()).isZero();
        MvlabRun history = mvlab(dir, endpoint, database, "generate", "-n", "3000", "--seed", "21");
        assertThat(history.code()).as(history.err()).isZero();
        Files.copy(REPO.resolve("pipes/purchases_mv.pipe"), dir.resolve("pipes/purchases_mv.pipe"));
        return dir;
    }

    @Test
    void applyBackfillWhileEventsFlowCountsEveryPurchaseOnce(Database db, Endpoint endpoint, @TempDir Path temp)
            throws Exception {
        String database = db.name() + "_live";
        Path project = projectWithHistory(temp, endpoint, database);
        CompletableFuture<MvlabRun> stream = CompletableFuture.supplyAsync(() -> mvlab(project, endpoint, database,
                "generate", "--duration", "16s", "--rate", "2000", "--batch-size", "200", "--flush-interval",
                "100ms", "--seed", "22", "--start", "2024-09-19T00:10:00"));
        try (Database live = db.use(database)) {
            long before = live.queryLong("SELECT count() FROM estore_events");
            for (int i = 0; i < 600 && live.queryLong("SELECT count() FROM estore_events") == before; i++) {
                Thread.sleep(50);
            }
            MvlabRun apply = mvlab(project, endpoint, database, "apply", "--backfill");
            assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
            assertThat(apply.out()).contains("deferred   purchases_mv").contains("backfilled purchases_mv: cut-off "
                    + "timestamp = ");
            java.util.regex.Matcher sides = java.util.regex.Pattern.compile("([\\d,]+) rows of estore_events "
                    + "before it went through the backfill, ([\\d,]+) from it on").matcher(apply.out());
            assertThat(sides.find()).isTrue();
            assertThat(Long.parseLong(sides.group(1).replace(",", ""))).as("history").isPositive();

            MvlabRun streamed = stream.get(5, TimeUnit.MINUTES);
            assertThat(streamed.code()).as(streamed.err()).isZero();
            long purchases = live.queryLong("SELECT count() FROM purchases");
            assertThat(purchases).isPositive().isEqualTo(live.queryLong(PURCHASES_IN_RAW));
            assertThat(live.queryLong("SELECT count() FROM (SELECT timestamp, customer_id, product_id, price, "
                    + "count() AS n FROM purchases GROUP BY ALL HAVING n > 1)"))
                    .as("no purchase twice beyond the stream's own resends").isEqualTo(live.queryLong(
                            "SELECT count() FROM (SELECT timestamp, customer_id, product_id, price, count() AS n "
                                    + "FROM estore_events WHERE action = 'purchase' AND price IS NOT NULL "
                                    + "GROUP BY ALL HAVING n > 1)"));
            assertThat(mvlab(project, endpoint, database, "diff").code()).as("the view has the files' query")
                    .isZero();
        }
    }

    @Test
    void backfillOneViewAndRefuseOneThatExists(Database db, Endpoint endpoint, @TempDir Path temp)
            throws Exception {
        String database = db.name() + "_one";
        Path project = projectWithHistory(temp, endpoint, database);
        MvlabRun backfill = mvlab(project, endpoint, database, "backfill", "purchases_mv", "--idle", "1s");
        assertThat(backfill.code()).as(backfill.out() + backfill.err()).isZero();
        assertThat(backfill.out()).startsWith("backfilled purchases_mv: cut-off timestamp = ");
        try (Database one = db.use(database)) {
            assertThat(one.queryLong("SELECT count() FROM purchases")).isPositive()
                    .isEqualTo(one.queryLong(PURCHASES_IN_RAW));
        }
        MvlabRun again = mvlab(project, endpoint, database, "backfill", "purchases_mv");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("materialized view purchases_mv exists in database");
    }

    /** {@code mvlab args...} on a project and a database of the test engine. */
    private static MvlabRun mvlab(Path project, Endpoint endpoint, String database, String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, args);
        all.addAll(List.of("--project", project.toString(), "-d", database));
        return MvlabRun.mvlab(all);
    }
}
