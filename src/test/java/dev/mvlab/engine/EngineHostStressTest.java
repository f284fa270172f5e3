package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;

import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM hosting ClickHouse survives 30 s of parallel inserts through a materialized view while its own garbage
 * collector and implicit null checks run ({@code -Dmvlab.host.churn=true}), and the MV's totals stay exact.
 */
class EngineHostStressTest {
    @RegisterExtension
    final OwnEngines engines = OwnEngines.perTest();
    private static final Duration LOAD = Duration.ofSeconds(30);

    @Test
    void hostSurvivesParallelInsertsThroughAnMvWhileItsGcRuns() throws Exception {
        EmbeddedEngine engine = engines.create("stress", List.of("-Dmvlab.host.churn=true"));
        Path project = ClickHouseExtension.testRoot().resolve("stress");
        try {
            EngineStatus status = engine.start();
            long hostPid = status.pid();
            try (Database db = Database.connect(status.endpoint(), "default")) {
                db.execute("CREATE TABLE events (ts DateTime, k UInt32, v UInt64) ENGINE = MergeTree ORDER BY ts");
                db.execute("CREATE TABLE totals (k UInt32, n AggregateFunction(count), s AggregateFunction(sum, UInt64)) "
                        + "ENGINE = AggregatingMergeTree ORDER BY k");
                db.execute("CREATE MATERIALIZED VIEW totals_mv TO totals AS "
                        + "SELECT k, countState() AS n, sumState(v) AS s FROM events GROUP BY k");

                AtomicLong inserted = new AtomicLong();
                Instant end = Instant.now().plus(LOAD);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    workers.add(pool.submit(() -> {
                        while (Instant.now().isBefore(end)) {
                            db.execute("INSERT INTO events SELECT now(), number % 100, number FROM numbers(200000)");
                            inserted.addAndGet(200_000);
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                pool.shutdown();

                assertThat(ProcessHandle.of(hostPid).map(ProcessHandle::isAlive).orElse(false)).isTrue();
                assertThat(inserted.get()).isGreaterThan(0);
                assertThat(db.queryLong("SELECT count() FROM events")).isEqualTo(inserted.get());
                assertThat(db.queryLong("SELECT countMerge(n) FROM totals")).isEqualTo(inserted.get());
                assertThat(db.queryLong("SELECT sumMerge(s) FROM totals")).isEqualTo(db.queryLong("SELECT sum(v) FROM events"));
            }
            String log = Files.readString(engine.logFile().orElseThrow());
            assertThat(log).contains("churn round");
            assertThat(engine.status().running()).isTrue();
            assertThat(engine.status().restarts()).as("chDB never died and came back").isNull();
        } finally {
            engine.stop();
        }
    }
}
