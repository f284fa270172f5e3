package dev.mvlab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A mvlab serve in its own JVM that cannot serve ends the wait with its own error, not a hang. */
class ServeProcessTest {
    @Test
    void aServeThatCannotReachItsEngineEndsWithItsErrorAndTheBenchMeasuresInProcess(@TempDir Path dir)
            throws Exception {
        Path project = Files.createDirectories(dir.resolve("project").resolve("datasources"));
        Files.writeString(project.resolve("events.datasource"), "SCHEMA >\n    `n` Int64 `json:$.n`\n");
        StringBuilder why = new StringBuilder();
        long started = System.nanoTime();
        Optional<ServeProcess> serve = ServeProcess.start("bench_db", List.of("--project",
                project.getParent().toString(), "--engine", "url", "--url", "http://127.0.0.1:1"),
                dir.resolve("logs").resolve("serve.log"), Duration.ofMinutes(3), why);
        assertThat(serve).isEmpty();
        assertThat(why.toString()).startsWith("mvlab serve ended: ").contains("cannot reach ClickHouse");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(3));
    }
}
