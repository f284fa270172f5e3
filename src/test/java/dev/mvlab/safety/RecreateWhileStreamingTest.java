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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code apply --recreate} while the generator streams into the view's source: a changed query is applied in place
 * and no row is lost; a change that needs the view dropped and created again is refused while events flow.
 */
@ExtendWith(ClickHouseExtension.class)
class RecreateWhileStreamingTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();

    private static Path project(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("datasources"));
        Files.createDirectories(dir.resolve("pipes"));
        for (String file : List.of("datasources/estore_events.datasource", "datasources/purchases.datasource",
                "pipes/purchases_mv.pipe")) {
            Files.copy(REPO.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    private static CompletableFuture<MvlabRun> stream(Path project, Endpoint endpoint, String database, String seed) {
        return CompletableFuture.supplyAsync(() -> mvlab(project, endpoint, database, "generate", "--duration", "6s",
                "--rate", "3000", "--batch-size", "300", "--flush-interval", "100ms", "--seed", seed));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitRows(Database db, String table) throws InterruptedException {
        for (int i = 0; i < 600 && db.queryLong("SELECT count() FROM " + table) == 0; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void aChangedQueryIsAppliedInPlaceAndNoRowIsLost(Database db, Endpoint endpoint, @TempDir Path temp)
            throws Exception {
        Path project = project(temp);
        String database = db.name() + "_live";
        assertThat(mvlab(project, endpoint, database, "apply").code()).isZero();
        try (Database live = db.use(database)) {
            CompletableFuture<MvlabRun> generator = stream(project, endpoint, database, "11");
            awaitRows(live, "estore_events");
            Path pipe = project.resolve("pipes/purchases_mv.pipe");
            Files.writeString(pipe, Files.readString(pipe).replace("WHERE action = 'purchase' AND price IS NOT NULL",
                    "WHERE action = 'purchase' AND price IS NOT NULL AND price >= 0"));
            MvlabRun recreate = mvlab(project, endpoint, database, "apply", "--recreate");
            assertThat(recreate.code()).as(recreate.out() + recreate.err()).isZero();
            assertThat(recreate.out()).contains("altered").contains("1 altered in place");

            MvlabRun generated = generator.get(5, TimeUnit.MINUTES);
            assertThat(generated.code()).as(generated.err()).isZero();
            assertThat(live.queryLong("SELECT count() FROM purchases")).isPositive().isEqualTo(live.queryLong(
                    "SELECT count() FROM estore_events WHERE action = 'purchase' AND price IS NOT NULL"));
            assertThat(mvlab(project, endpoint, database, "diff").code()).as("the view is as the files say").isZero();
        }
    }

    @Test
    void aViewThatMustBeDroppedIsNotWhileItsSourceReceivesInserts(Database db, Endpoint endpoint,
                                                                  @TempDir Path temp) throws Exception {
        Path project = project(temp);
        String database = db.name() + "_fed";
        assertThat(mvlab(project, endpoint, database, "apply").code()).isZero();
        Files.writeString(project.resolve("datasources/purchases_copy.datasource"),
                Files.readString(project.resolve("datasources/purchases.datasource")));
        assertThat(mvlab(project, endpoint, database, "apply").code()).isZero();
        assertThat(mvlab(project, endpoint, database, "generate", "-n", "2000", "--seed", "12").code()).isZero();
        try (Database live = db.use(database)) {
            // a stream that lasts as long as the apply does: copies of the events, 200 every 50 ms
            AtomicBoolean streaming = new AtomicBoolean(true);
            CompletableFuture<Long> inserts = CompletableFuture.supplyAsync(() -> {
                long n = 0;
                while (streaming.get()) {
                    live.execute("INSERT INTO estore_events SELECT * FROM estore_events LIMIT 200");
                    n++;
                    sleep(50);
                }
                return n;
            });
            Path pipe = project.resolve("pipes/purchases_mv.pipe");
            Files.writeString(pipe, Files.readString(pipe).replace("DATASOURCE purchases", "DATASOURCE purchases_copy"));
            MvlabRun recreate = mvlab(project, endpoint, database, "apply", "--recreate");
            streaming.set(false);
            assertThat(inserts.get(5, TimeUnit.MINUTES)).isPositive();
            assertThat(recreate.code()).as(recreate.out() + recreate.err()).isEqualTo(4);
            assertThat(recreate.err()).contains("would drop and create [purchases_mv (fed by estore_events)]")
                    .contains("receiving inserts now; nothing was changed");
            assertThat(live.queryLong("SELECT count() FROM purchases")).isPositive().isEqualTo(live.queryLong(
                    "SELECT count() FROM estore_events WHERE action = 'purchase' AND price IS NOT NULL"));
            MvlabRun quiet = mvlab(project, endpoint, database, "apply", "--recreate");
            assertThat(quiet.code()).as("once the stream stopped: " + quiet.err()).isZero();
            assertThat(quiet.out()).contains("1 recreated");
        }
    }

    /** {@code mvlab args...} on a project and a database of the test engine. */
    private static MvlabRun mvlab(Path project, Endpoint endpoint, String database, String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, args);
        all.addAll(List.of("--project", project.toString(), "-d", database));
        return MvlabRun.mvlab(all);
    }
}
