package dev.mvlab.engine;

import dev.mvlab.files.FileTrees;
import dev.mvlab.clickhouse.Database;

import dev.mvlab.errors.EngineException;
import dev.mvlab.engine.host.HostProcesses;
import dev.mvlab.engine.host.SupervisorState;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engines of their own (not the run's shared one): start, stop, restart, idempotence, a taken port. */
class EmbeddedEngineLifecycleTest {
    @RegisterExtension
    final OwnEngines engines = OwnEngines.perTest();

    @Test
    void stopLeavesNoProcessNorListenerAndARestartKeepsTablesAndRows() throws IOException {
        EmbeddedEngine engine = engines.create("lifecycle");
        EngineStatus first = engine.start();
        assertThat(first.running()).isTrue();
        assertThat(first.version()).startsWith("26.7");
        try (Database db = Database.connect(first.endpoint(), "default")) {
            db.execute("CREATE TABLE kept (id UInt64, label String) ENGINE = MergeTree ORDER BY id");
            db.execute("INSERT INTO kept SELECT number, toString(number) FROM numbers(12345)");
        }
        long pid = first.pid();
        int httpPort = first.endpoint().httpPort();

        engine.stop();

        // gone, or ended and not reaped yet (a zombie holds no file, lock or port)
        assertThat(ProcessHandle.of(pid).filter(p -> p.isAlive() && !HostProcesses.hasExited(p))).isEmpty();
        assertThat(Files.readString(engine.logFile().orElseThrow())).as("clickhouse-local shut down by itself")
                .contains("clickhouse-local ended").contains("mvlab engine: stopped in");
        assertThat(listening(httpPort)).isFalse();
        assertThat(engine.status().running()).isFalse();
        assertThat(engine.endpoint()).isEmpty();

        EngineStatus second = engine.start();
        assertThat(second.pid()).isNotEqualTo(pid);
        try (Database db = Database.connect(second.endpoint(), "default")) {
            assertThat(db.queryLong("SELECT count() FROM kept")).isEqualTo(12345);
            assertThat(db.queryLong("SELECT sum(id) FROM kept")).isEqualTo(12344L * 12345 / 2);
        }
    }

    @Test
    void aSecondStartFindsTheRunningEngine() throws IOException {
        EmbeddedEngine engine = engines.create("idempotent");
        EngineStatus first = engine.start();
        EngineStatus again = engine.start();
        assertThat(again.pid()).isEqualTo(first.pid());
        assertThat(again.endpoint()).isEqualTo(first.endpoint());
        EmbeddedEngine sameProject = new EmbeddedEngine(ClickHouseExtension.testSettings(
                ClickHouseExtension.testRoot().resolve("idempotent")));
        assertThat(sameProject.status().pid()).isEqualTo(first.pid());
        assertThat(sameProject.start().pid()).isEqualTo(first.pid());
    }

    @Test
    void aStalePidFileDoesNotBlockStart() throws IOException {
        EmbeddedEngine engine = engines.create("stale");
        Path state = ClickHouseExtension.testRoot().resolve("stale").resolve("engine/engine.json");
        Files.createDirectories(state.getParent());
        // pid 1 is alive but is not an engine host: it must not be trusted
        Files.writeString(state, "{\"pid\":1,\"httpPort\":1,\"stateDir\":\"" + state.getParent()
                + "\",\"startedAt\":\"2024-01-01T00:00:00Z\"}");
        assertThat(engine.status().running()).isFalse();
        EngineStatus status = engine.start();
        assertThat(status.running()).isTrue();
        assertThat(status.pid()).isNotEqualTo(1L);
    }

    @Test
    void aTakenPortGivesAClearErrorAndStartsNothing() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path project = ClickHouseExtension.testRoot().resolve("taken");
            Files.createDirectories(project);
            EngineSettings settings = ClickHouseExtension.testSettings(project).withPorts(taken.getLocalPort(), 0);
            EmbeddedEngine engine = engines.track(new EmbeddedEngine(settings, ProcessHandle.current().pid()));
            assertThatThrownBy(engine::start)
                    .isInstanceOf(EngineException.class)
                    .hasMessage("the HTTP port " + taken.getLocalPort() + " on 127.0.0.1 is taken by another process, "
                            + "so the embedded engine cannot listen there")
                    .satisfies(e -> assertThat(((EngineException) e).hint()).contains("--http-port"));
            assertThat(engine.status().running()).isFalse();
        }
    }

    @Test
    void stopLeavesAnotherEnginesLiveHostAlone() throws IOException {
        EmbeddedEngine other = engines.create("foreign-owner");
        EngineStatus running = other.start();
        Path home = ClickHouseExtension.testRoot().resolve("foreign-pid");
        FileTrees.deleteQuietly(home);
        Path state = Files.createDirectories(home.resolve("engine")).resolve("engine.json");
        EmbeddedEngine mine = new EmbeddedEngine(ClickHouseExtension.testSettings(home));
        // pid reuse: this folder's state names the live host of another engine
        Files.writeString(state, "{\"pid\":" + running.pid() + ",\"httpPort\":" + running.endpoint().httpPort()
                + ",\"stateDir\":\"" + home.resolve("engine") + "\",\"startedAt\":\"2024-01-01T00:00:00Z\"}");
        assertThat(mine.status().running()).isFalse();
        mine.stop();
        // a copied folder: the state names the other engine's own folder
        Files.copy(ClickHouseExtension.testRoot().resolve("foreign-owner/engine/engine.json"), state);
        mine.stop();
        assertThat(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        assertThat(other.status().running()).isTrue();
        assertThat(state).doesNotExist();
    }

    @Test
    void aHomeWithQuotesOrSqlInItsNameStartsAndRunsNothingOfIt() throws IOException {
        String crafted = "o'neil home/x'); CREATE DATABASE pwned; SELECT ('";
        EmbeddedEngine engine = engines.create(crafted);
        EngineStatus status = engine.start();
        assertThat(status.dataDir().toString()).contains("o'neil home");
        try (Database db = Database.connect(status.endpoint(), "default")) {
            assertThat(db.queryLong("SELECT 6 * 7")).isEqualTo(42);
            assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name = 'pwned'")).isZero();
        }
        assertThat(engine.status().running()).isTrue();
    }

    @Test
    void theEngineOfAnOlderMvlabInAProjectFolderMovesToTheUsersEngineWithItsData() throws IOException {
        EmbeddedEngine old = engines.create("legacy-source");
        try (Database db = Database.connect(old.start().endpoint(), "default")) {
            db.execute("CREATE TABLE carried (id UInt64) ENGINE = MergeTree ORDER BY id");
            db.execute("INSERT INTO carried SELECT number FROM numbers(777)");
        }
        old.stop();
        Path project = ClickHouseExtension.testRoot().resolve("legacy-project");
        FileTrees.deleteQuietly(project);
        Files.createDirectories(project.resolve(".mvlab/engine"));
        Files.move(ClickHouseExtension.testRoot().resolve("legacy-source/engine/data"),
                project.resolve(".mvlab/engine/data"));
        Path home = ClickHouseExtension.testRoot().resolve("legacy-home");
        FileTrees.deleteQuietly(home);
        EmbeddedEngine engine = engines.track(new EmbeddedEngine(
                ClickHouseExtension.testSettings(home).withProjectDir(project), ProcessHandle.current().pid()));
        EngineStatus status = engine.start();
        assertThat(status.dataDir()).isEqualTo(home.resolve("engine/data"));
        try (Database db = Database.connect(status.endpoint(), "default")) {
            assertThat(db.queryLong("SELECT count() FROM carried")).isEqualTo(777);
        }
        assertThat(project.resolve(".mvlab/engine/data")).doesNotExist();
        assertThat(Files.readString(project.resolve(".mvlab/engine/MOVED.txt"))).contains(home.resolve("engine/data")
                .toString());
    }

    @Test
    void sigtermToTheEngineHostStopsItCleanlyAndChdbComesBackWhenItDies() throws IOException {
        EmbeddedEngine engine = engines.create("signals");
        EngineStatus first = engine.start();
        long chdb = SupervisorState.read(ClickHouseExtension.testRoot().resolve("signals/engine/engine.json"))
                .orElseThrow().chdbPid();
        ProcessHandle.of(chdb).orElseThrow().destroyForcibly(); // chDB dies (as on an abort)
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (engine.status().restarts() == null && java.time.Instant.now().isBefore(deadline)) {
            EmbeddedEngine.sleep(100);
        }
        assertThat(engine.status().restarts()).startsWith("1 (last: chDB (pid " + chdb + ") exited with code 137");
        try (Database db = Database.connect(first.endpoint(), "default")) {
            assertThat(db.queryLong("SELECT 1")).isEqualTo(1);
        }
        ProcessHandle host = ProcessHandle.of(first.pid()).orElseThrow();
        host.destroy(); // SIGTERM
        assertThat(EmbeddedEngine.waitForExit(host, java.time.Duration.ofSeconds(60))).isTrue();
        String log = Files.readString(engine.logFile().orElseThrow());
        assertThat(log).contains("clickhouse-local ended").contains("mvlab engine: stopped")
                .doesNotContain("SIGSEGV");
        try (var crashLogs = Files.list(ClickHouseExtension.testRoot().resolve("signals/engine/logs"))) {
            assertThat(crashLogs).isEmpty();
        }
        assertThat(engine.status().running()).isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
