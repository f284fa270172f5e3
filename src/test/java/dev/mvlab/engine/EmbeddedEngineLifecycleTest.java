package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    private EmbeddedEngine engine;

    private EmbeddedEngine newEngine(String name) throws IOException {
        Path project = ClickHouseExtension.testRoot().resolve(name);
        InstallerTestSupport.deleteTree(project);
        Files.createDirectories(project);
        engine = new EmbeddedEngine(ClickHouseExtension.testSettings(project), ProcessHandle.current().pid());
        return engine;
    }

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void stopLeavesNoProcessNorListenerAndARestartKeepsTablesAndRows() throws IOException {
        EmbeddedEngine engine = newEngine("lifecycle");
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

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
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
        EmbeddedEngine engine = newEngine("idempotent");
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
        EmbeddedEngine engine = newEngine("stale");
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
            engine = new EmbeddedEngine(settings, ProcessHandle.current().pid());
            assertThatThrownBy(engine::start)
                    .isInstanceOf(EngineException.class)
                    .hasMessage("the HTTP port " + taken.getLocalPort() + " on 127.0.0.1 is taken by another process, "
                            + "so the embedded engine cannot listen there")
                    .satisfies(e -> assertThat(((EngineException) e).hint()).contains("--http-port"));
            assertThat(engine.status().running()).isFalse();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
