package dev.mvlab.cli;

import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine commands end to end on an engine of their own (OS-chosen ports, own project folder). */
class EngineCommandTest {
    private final Path project = ClickHouseExtension.testRoot().resolve("engine-command");

    private record Run(int code, String out, String err) {
    }

    private Run mvlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--project", project.toString(), "--engine", "embedded",
                        "--http-port", "0", "--tcp-port", "0")).toArray(String[]::new);
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void stop() {
        mvlab("engine", "stop");
    }

    @Test
    void startStatusSqlLogsStop() throws Exception {
        Files.createDirectories(project);
        Run start = mvlab("engine", "start");
        assertThat(start.code()).as(start.err()).isZero();
        assertThat(start.out()).contains("engine:   embedded (running)").contains("version:  ClickHouse 26.7")
                .contains("data:     " + Path.of(System.getenv("MVLAB_HOME")).resolve("engine/data"));

        Run status = mvlab("engine", "status");
        assertThat(status.out()).contains("(running)").containsPattern("pid: +\\d+").containsPattern("uptime: +\\d+ s");

        Run sql = mvlab("sql", "SELECT version() LIKE '26.7%' AS modern");
        assertThat(sql.out()).isEqualTo("modern\n------\n     1\n(1 row)\n");

        Run logs = mvlab("engine", "logs", "-n", "5");
        assertThat(logs.out()).contains("starting clickhouse-local");

        Run stop = mvlab("engine", "stop");
        assertThat(stop.out()).isEqualTo("embedded engine stopped\n");
        assertThat(mvlab("engine", "status").out()).contains("engine:   embedded (stopped)");
    }

    @Test
    void anUnknownEngineIsExplained() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "engine", "status",
                "--project", project.toString(), "--engine", "oracle");
        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).startsWith("error: unknown engine 'oracle'")
                .contains("hint: choose one of: auto, embedded, clickhouse-binary, docker, url");
    }
}
