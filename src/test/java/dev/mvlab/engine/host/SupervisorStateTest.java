package dev.mvlab.engine.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The state file as the engine host writes it reads back field for field; a torn or foreign one reads as none. */
class SupervisorStateTest {
    @TempDir
    Path dir;

    @Test
    void whatTheHostWritesReadsBackTheSame() throws Exception {
        Path file = dir.resolve("engine.json");
        SupervisorState written = new SupervisorState(4321, 18123, dir.resolve("engine"),
                Instant.parse("2026-12-06T20:00:01.123456Z"), 4400, 2, "chDB exited with 137");
        written.write(file);
        assertThat(SupervisorState.read(file)).contains(written);
        SupervisorState starting = new SupervisorState(4321, 0, dir, Instant.parse("2026-12-06T20:00:00Z"), 0, 0,
                null);
        starting.write(file);
        assertThat(SupervisorState.read(file)).contains(starting);
    }

    @Test
    void aMissingTornOrForeignFileReadsAsNone() throws Exception {
        Path file = dir.resolve("engine.json");
        assertThat(SupervisorState.read(file)).isEmpty();
        Files.writeString(file, "{\"pid\": 12, \"httpPort\": 18123, \"stateDir\": \"/x\", \"started");
        assertThat(SupervisorState.read(file)).isEmpty();
        Files.writeString(file, "{\"pid\": 12, \"stateDir\": \"/x\", \"startedAt\": \"2026-12-06T20:00:00Z\"}");
        assertThat(SupervisorState.read(file)).as("no port").isEmpty();
        Files.writeString(file, "[1, 2]");
        assertThat(SupervisorState.read(file)).isEmpty();
        Files.writeString(file, "{\"pid\": \"twelve\", \"httpPort\": 1, \"stateDir\": \"/x\", "
                + "\"startedAt\": \"2026-12-06T20:00:00Z\"}");
        assertThat(SupervisorState.read(file)).isEmpty();
    }

    @Test
    void fieldsAnOlderOrNewerHostAddsAreSkipped() throws Exception {
        Path file = dir.resolve("engine.json");
        Files.writeString(file, "{\"pid\": 12, \"extra\": {\"a\": [1, {\"b\": 2}]}, \"httpPort\": 18123, "
                + "\"stateDir\": \"/x\", \"startedAt\": \"2026-12-06T20:00:00Z\", \"list\": [3]}");
        assertThat(SupervisorState.read(file)).hasValueSatisfying(state -> {
            assertThat(state.pid()).isEqualTo(12);
            assertThat(state.httpPort()).isEqualTo(18123);
            assertThat(state.chdbPid()).isZero();
            assertThat(state.lastRestart()).isNull();
        });
    }
}
