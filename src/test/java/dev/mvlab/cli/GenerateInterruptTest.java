package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.Datafiles;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping {@code mvlab generate} mid-run (a real mvlab process, signalled as Ctrl-C or a kill signals it) prints
 * what is stored and the command that continues it; a plain rerun with the same seed warns before appending a
 * second copy.
 */
@ExtendWith(ClickHouseExtension.class)
class GenerateInterruptTest {
    @Test
    void anInterruptedRunSaysWhatIsStoredAndHowToResume(Database db, Endpoint endpoint, @TempDir Path project)
            throws Exception {
        Files.createDirectories(project.resolve("datasources"));
        Files.writeString(project.resolve("datasources/estore_events.datasource"), Datafiles.LANDING);
        db.execute("CREATE TABLE estore_events (customer_id String, product_id String, price Nullable(Float64), "
                + "action LowCardinality(String), timestamp DateTime) ENGINE = MergeTree ORDER BY (action, timestamp)");
        List<String> args = List.of("java", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "generate", "-n", "100000000", "--rate", "2000", "--flush-interval", "200ms", "--seed", "9",
                "-d", db.name(), "--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl());
        Path stderr = project.resolve("stderr.txt");
        Process run = new ProcessBuilder(args).redirectError(stderr.toFile()).start();
        run.getOutputStream().close();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (db.queryLong("SELECT count() FROM estore_events") < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        run.destroy(); // SIGTERM: the JVM runs its shutdown hooks as on Ctrl-C (SIGINT)
        run.waitFor();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        long stored = db.queryLong("SELECT count() FROM estore_events");
        assertThat(stored).isGreaterThanOrEqualTo(1000);
        assertThat(err).containsPattern("interrupted: [\\d,]+ events acknowledged by ClickHouse are stored in "
                        + db.name() + "\\.estore_events")
                .contains("continue the same stream with: mvlab generate -n 100000000 --rate 2000")
                .contains("--resume");
        long acknowledged = Long.parseLong(err.replaceAll("(?s).*interrupted: ([\\d,]+) events.*", "$1")
                .replace(",", ""));
        assertThat(acknowledged).isLessThanOrEqualTo(stored);

        MvlabRun again = MvlabRun.mvlab("generate", "-n", "10", "--seed", "9", "--rate", "2000", "--flush-interval",
                "200ms", "-d", db.name(), "--project", project.toString(), "--engine", "url", "--url",
                endpoint.httpUrl());
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("warning: " + db.name() + ".estore_events already holds")
                .contains("events of this very stream (seed 9): this run appends a second copy of them; --resume "
                        + "continues the interrupted run instead");
    }
}
