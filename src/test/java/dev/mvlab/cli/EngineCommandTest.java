package dev.mvlab.cli;

import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine commands end to end on an engine of their own (OS-chosen ports, own project folder). */
class EngineCommandTest {
    private final Path project = ClickHouseExtension.testRoot().resolve("engine-command");


    private MvlabRun mvlab(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString(), "--engine", "embedded", "--http-port", "0",
                "--tcp-port", "0"));
        return MvlabRun.mvlab(all);
    }

    @AfterEach
    void stop() {
        mvlab("engine", "stop");
    }

    @Test
    void startStatusSqlLogsStop() throws Exception {
        Files.createDirectories(project);
        MvlabRun start = mvlab("engine", "start");
        assertThat(start.code()).as(start.err()).isZero();
        assertThat(start.out()).contains("engine:   embedded (running)").contains("version:  ClickHouse 26.7")
                .contains("data:     " + Path.of(System.getenv("MVLAB_HOME")).resolve("engine/data"));

        MvlabRun status = mvlab("engine", "status");
        assertThat(status.out()).contains("(running)").containsPattern("pid: +\\d+").containsPattern("uptime: +\\d+ s");

        MvlabRun sql = mvlab("sql", "SELECT version() LIKE '26.7%' AS modern");
        assertThat(sql.out()).isEqualTo("modern\n------\n     1\n(1 row)\n");

        MvlabRun logs = mvlab("engine", "logs", "-n", "5");
        assertThat(logs.out()).contains("starting clickhouse-local");

        MvlabRun stop = mvlab("engine", "stop");
        assertThat(stop.out()).isEqualTo("embedded engine stopped\n");
        assertThat(mvlab("engine", "status").out()).contains("engine:   embedded (stopped)");
    }

    private static MvlabRun plain(String... args) {
        return MvlabRun.mvlab(args);
    }

    @Test
    void aSecondProjectFolderUsesTheOneRunningEngine() throws Exception {
        Files.createDirectories(project);
        MvlabRun start = mvlab("engine", "start");
        assertThat(start.code()).as(start.err()).isZero();
        String pid = start.out().lines().filter(l -> l.startsWith("pid:")).findFirst().orElseThrow();
        Path other = ClickHouseExtension.testRoot().resolve("second-project");
        Files.createDirectories(other.resolve("datasources"));
        Files.writeString(other.resolve("datasources/estore_events.datasource"), dev.mvlab.testing.Datafiles.LANDING);

        MvlabRun apply = plain("apply", "--project", other.toString(), "-d", "second_project");
        assertThat(apply.code()).as(apply.err()).isZero();
        assertThat(apply.err()).doesNotContain("starting");
        MvlabRun sql = plain("sql", "--project", other.toString(), "-d", "second_project",
                "SELECT count() AS tables FROM system.tables WHERE database = 'second_project'");
        assertThat(sql.out()).isEqualTo("tables\n------\n     1\n(1 row)\n");
        MvlabRun status = plain("engine", "status", "--project", other.toString());
        assertThat(status.out()).contains("(running)").contains(pid)
                .contains("second_project  (" + other.toAbsolutePath().normalize() + ")");

        MvlabRun credential = plain("engine", "credential", "--project", other.toString());
        assertThat(credential.out()).contains("password:   " + Files.readString(
                Path.of(System.getenv("MVLAB_HOME")).resolve("engine/credential")).strip());
        String url = status.out().lines().filter(l -> l.startsWith("http:")).findFirst().orElseThrow()
                .substring(5).strip();
        // the url engine pointed at the user's own engine needs nothing more (the credential is found)
        MvlabRun byUrl = plain("sql", "--engine", "url", "--url", url, "-d", "second_project", "SELECT 7 AS seven");
        assertThat(byUrl.out()).as(byUrl.err()).isEqualTo("seven\n-----\n    7\n(1 row)\n");
        plain("sql", "--engine", "url", "--url", url, "DROP DATABASE second_project");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aServerThatAcceptsAndNeverAnswersEndsSqlAndGenerateWithAMessage() throws Exception {
        Path slow = ClickHouseExtension.testRoot().resolve("hanging-server");
        Files.createDirectories(slow.resolve("datasources"));
        Files.writeString(slow.resolve("datasources/estore_events.datasource"), dev.mvlab.testing.Datafiles.LANDING);
        Files.writeString(slow.resolve("mvlab.properties"), "timeout.seconds=2\n");
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept()); // accepted, never answered
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + server.getLocalPort();
            MvlabRun sql = plain("sql", "--project", slow.toString(), "--engine", "url", "--url", url, "SELECT 1");
            assertThat(sql.code()).isEqualTo(5);
            assertThat(sql.err()).contains("did not answer within 2 s");
            MvlabRun generate = plain("generate", "--project", slow.toString(), "--engine", "url", "--url", url,
                    "-n", "1000", "--retry-for", "5s");
            assertThat(generate.code()).as(generate.err()).isEqualTo(5);
            assertThat(generate.err()).startsWith("error: ");
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anUnknownEngineIsExplained() {
        MvlabRun run = MvlabRun.mvlab("engine", "status", "--project", project.toString(), "--engine", "oracle");
        assertThat(run.code()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: unknown engine 'oracle'")
                .contains("hint: choose one of: auto, embedded, clickhouse-binary, docker, url");
    }
}
