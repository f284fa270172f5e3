package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.SupervisorState;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the {@code ./mvlab} launcher's class data sharing archive ({@code java
 * -XX:ArchiveClassesAtExit=... -cp mvlab.jar dev.mvlab.cli.StartupTraining}): loads in one JVM what short commands
 * load, without an engine: a query command up to its connection (to a closed port), the embedded engine's state
 * file and readiness ping (against a one-answer stand-in on a free port), and the whole command tree's help. Prints
 * nothing; every failure is expected and ignored.
 */
final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Main.run(none, none, "sql", "--engine", "url", "--url", "http://127.0.0.1:1", "SELECT 1");
        Main.run(none, none, "--help");
        Path state = Files.createTempFile("mvlab-training", ".json");
        try {
            Files.writeString(state, "{\"pid\": 1, \"httpPort\": 1, \"stateDir\": \"/\", "
                    + "\"startedAt\": \"2026-01-01T00:00:00Z\", \"chdbPid\": 2, \"restarts\": 0, \"lastRestart\": null}");
            SupervisorState.read(state).ifPresent(s -> s.isEngineOf(new dev.mvlab.engine.host.EngineLayout(
                    state.getParent())));
        } finally {
            Files.deleteIfExists(state);
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerOnce(server));
            answer.setDaemon(true);
            answer.start();
            Http.ping(Endpoint.loopback(server.getLocalPort()));
        }
    }

    /** Answers one request as ClickHouse answers {@code /ping}. */
    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
            socket.getInputStream().read(new byte[4096]);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\nOk.\n"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // the ping then fails: fewer classes trained, nothing else
        }
    }
}
