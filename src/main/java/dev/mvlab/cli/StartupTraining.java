package dev.mvlab.cli;

import com.clickhouse.client.api.internal.CompressedBlockOutputStream;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.SupervisorState;
import net.jpountz.lz4.LZ4Factory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The training run of the {@code ./mvlab} launcher's class data sharing archive ({@code java
 * -XX:ArchiveClassesAtExit=... -cp mvlab.jar dev.mvlab.cli.StartupTraining}): loads in one JVM what short commands
 * load, without an engine: a query command up to its connection (to a closed port) and up to its printed answer
 * (from a stand-in for ClickHouse's HTTP interface, see {@link #answeringAsClickHouse}), the embedded engine's state
 * file and readiness ping (against a one-answer stand-in on a free port), and the whole command tree's help. Prints
 * nothing; every failure is expected and ignored.
 */
final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Main.run(none, none, "sql", "--engine", "url", "--url", "http://127.0.0.1:1", "SELECT 1");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Server standIn = answeringAsClickHouse(Endpoint.basicAuthorization(TRAINING_USER, password));
        try {
            String url = "http://" + TRAINING_USER + ":" + password + "@127.0.0.1:"
                    + ((ServerConnector) standIn.getConnectors()[0]).getLocalPort();
            // a query up to its answer: the JDBC client's request, its reader of RowBinary and mvlab's rendering
            Main.run(none, none, "sql", "--engine", "url", "--url", url, "SELECT 1");
            Main.run(none, none, "sql", "--engine", "url", "--url", url, "--format", "json", "SELECT 1");
        } finally {
            standIn.stop();
        }
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

    /** The user of the training run's stand-in (its password is drawn for each run). */
    static final String TRAINING_USER = "mvlab_training";

    /**
     * A stand-in for ClickHouse's HTTP interface on a free loopback port: a SELECT gets the answer of {@code SELECT 1}
     * in RowBinaryWithNamesAndTypes (the JDBC client's format), any other statement an empty success. It listens only
     * while the training run lasts and answers only a caller with {@code authorization} (the run's own, drawn at
     * random): anyone else gets 401 and nothing of the answer.
     */
    static Server answeringAsClickHouse(String authorization) throws Exception {
        Server server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!authorization.equals(request.getHeaders().get("Authorization"))) {
                    Response.writeError(request, response, callback, 401);
                    return true;
                }
                String sql = Content.Source.asString(request, StandardCharsets.UTF_8);
                boolean select = sql.strip().regionMatches(true, 0, "SELECT", 0, 6);
                response.setStatus(200);
                response.getHeaders().put("X-ClickHouse-Format", "RowBinaryWithNamesAndTypes");
                response.getHeaders().put("X-ClickHouse-Timezone", "UTC");
                response.getHeaders().put("X-ClickHouse-Query-Id", "mvlab-training");
                response.getHeaders().put("X-ClickHouse-Summary", "{\"read_rows\":\"1\",\"read_bytes\":\"1\","
                        + "\"written_rows\":\"0\",\"written_bytes\":\"0\",\"total_rows_to_read\":\"1\","
                        + "\"result_rows\":\"1\",\"result_bytes\":\"1\",\"elapsed_ns\":\"1\"}");
                response.getHeaders().put("Content-Type", "application/octet-stream");
                // one column "1" of type UInt8, one row holding 1: varint count, then length-prefixed name and type
                byte[] rows = select ? new byte[]{1, 1, '1', 5, 'U', 'I', 'n', 't', '8', 1} : new byte[0];
                response.write(true, ByteBuffer.wrap(compressed(rows)), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    /**
     * The answer as ClickHouse sends it to a request with {@code compress=1} (what the client asks for): its LZ4
     * blocks, written by the client's own writer of them (an internal class of clickhouse-client-v2; should it
     * change, the training run reaches fewer classes and nothing else happens).
     */
    private static byte[] compressed(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new CompressedBlockOutputStream.LZ4OutputStream(bytes,
                LZ4Factory.fastestInstance().fastCompressor(), 1 << 16)) {
            out.write(data);
        }
        return bytes.toByteArray();
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
