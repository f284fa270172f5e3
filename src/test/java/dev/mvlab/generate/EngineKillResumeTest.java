package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.engine.EngineStatus;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost, nothing doubled: an engine of its own is killed (SIGKILL) while the stream is being inserted,
 * restarted on the same data folder, and the run resumed; the landing table and its views then hold exactly the
 * stream of that seed.
 */
class EngineKillResumeTest {
    @RegisterExtension
    final OwnEngines engines = OwnEngines.perTest();
    private static final long EVENTS = 400_000;
    private EmbeddedEngine engine;

    @Test
    void aRunCutByAKilledEngineResumesToExactlyTheIntendedStream() throws Exception {
        engine = engines.create("generate-kill");
        Path project = ClickHouseExtension.testRoot().resolve("generate-kill");
        EngineStatus first = engine.start();
        try (Database admin = Database.connect(first.endpoint(), "default")) {
            admin.createDatabase("shop");
        }
        StreamOptions options = StreamOptions.defaults(5);
        BatchSettings batching = new BatchSettings(10_000, Duration.ofSeconds(1), 2, 2);
        Path checkpoints = project.resolve(".mvlab").resolve("generate");
        RunLimits limits = new RunLimits(EVENTS, null, 80_000);

        EngineException stopped;
        try (Database db = Database.connect(first.endpoint(), "shop")) {
            Workshop.createTables(db, "estore_events");
            LandingIngest ingest = new LandingIngest(db, Workshop.landing("estore_events"), checkpoints, batching,
                    RetryPolicy.within(Duration.ofSeconds(3)));
            CompletableFuture<GenerateResult> run = CompletableFuture.supplyAsync(() -> ingest.run(options, true,
                    limits, false, Progress.Listener.NONE));
            while (db.queryLong("SELECT count() FROM estore_events") < 60_000 && !run.isDone()) {
                Thread.sleep(50);
            }
            assertThat(run).isNotDone();
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // SIGKILL, mid-run
            Throwable failure = run.handle((r, e) -> e).get(120, TimeUnit.SECONDS);
            assertThat(failure).isNotNull();
            stopped = (EngineException) failure.getCause();
        }
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.ENGINE);
        assertThat(stopped.getMessage()).startsWith("the engine stopped taking events: ")
                .containsPattern("; \\d+ events of the stream are acknowledged in shop.estore_events");
        assertThat(stopped.hint()).contains("--resume");
        Checkpoint atKill = Checkpoint.read(checkpoints.resolve("shop.estore_events.json")).orElseThrow();
        assertThat(atKill.complete()).isFalse();
        // rows can be in the table before their batch's acknowledgement is recorded (in doubt), so the
        // checkpoint may trail the 60k rows seen above by the batches in flight
        assertThat(atKill.acknowledgedEvents()).isBetween(1L, EVENTS - 1);
        assertThat(stopped.getMessage()).contains("; " + atKill.acknowledgedEvents() + " events of the stream");

        EngineStatus second = engine.start();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        try (Database db = Database.connect(second.endpoint(), "shop")) {
            long survived = db.queryLong("SELECT count() FROM estore_events");
            assertThat(survived).isGreaterThanOrEqualTo(atKill.acknowledgedEvents());
            GenerateResult resumed = new LandingIngest(db, Workshop.landing("estore_events"), checkpoints, batching,
                    RetryPolicy.within(Duration.ofSeconds(30))).run(options, false, RunLimits.events(EVENTS), true,
                    Progress.Listener.NONE);
            assertThat(resumed.resumedFrom()).isEqualTo(atKill.acknowledged());
            assertThat(resumed.position()).isEqualTo(EVENTS);

            List<Object> expected = Workshop.expectedFingerprint(db, options, EVENTS, "expected_lines");
            assertThat(Workshop.tableFingerprint(db, "estore_events")).isEqualTo(expected);
            assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(EVENTS);
            Workshop.assertViewsMatch(db, "estore_events");
            Workshop.assertNoRuleViolations(db, "estore_events");
        }
    }
}
