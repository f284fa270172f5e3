package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;

import dev.mvlab.engine.host.HostProcesses;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 3, on an engine of its own whose relay cuts a silent body after 3 s: abusive connections with the
 * credential do not starve mvlab's own commands, a stalled body gets 408, and a query whose client left is killed.
 */
class EngineStarvationSecurityTest {
    @RegisterExtension
    static final OwnEngines ENGINES = OwnEngines.perClass();
    private static EmbeddedEngine engine;
    private static Database own;
    private static int port;
    private static String credentialHeader;

    @BeforeAll
    static void start() throws IOException {
        engine = ENGINES.create("starvation",
                List.of("-Dmvlab.relay.body-idle-seconds=3"));
        Path home = ClickHouseExtension.testRoot().resolve("starvation");
        engine.start();
        own = Database.connect(engine.endpoint().orElseThrow(), "default");
        port = engine.endpoint().orElseThrow().httpPort();
        credentialHeader = RawHttp.basic("default", engine.credential());
    }

    @AfterAll
    static void stop() {
        own.close();
    }

    /** Opens a connection and sends a request's head (and the start of its body); the body may never end. */
    private static Socket open(String target, int contentLength, String bodyStart) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentialHeader + "Content-Length: "
                + contentLength + "\r\n\r\n" + bodyStart).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static Socket sleepingQuery(String marker) throws IOException {
        String sql = "SELECT sleepEachRow(0.5), '" + marker + "' FROM numbers(240) SETTINGS max_block_size = 1 "
                + "FORMAT Null";
        return open("/", sql.getBytes(StandardCharsets.UTF_8).length, sql);
    }

    private static long running(String marker) {
        return own.queryLong("SELECT count() FROM system.processes WHERE position(query, ?) > 0 "
                + "AND position(query, 'system.processes') = 0", marker);
    }

    @Test
    void seventySlowBodiesAndSeventySleepingQueriesDoNotStopMvlabsOwnSelectOne() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        Map<Integer, String> firstLines = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < 70; i++) {
                sockets.add(open("/", 1_000_000, "INSERT INTO nowhere VALUES "));
                sockets.add(sleepingQuery("starving_" + i));
            }
            for (int i = 0; i < sockets.size(); i++) {
                int index = i;
                Socket socket = sockets.get(i);
                daemon(() -> firstLines.put(index, firstLine(socket)));
            }
            Thread trickle = daemon(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < sockets.size(); i += 2) {
                        try {
                            sockets.get(i).getOutputStream().write('(');
                            sockets.get(i).getOutputStream().flush();
                        } catch (IOException refusedOrCut) {
                            // answered (429) and closed
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(2000);
            long answer = CompletableFuture.supplyAsync(() -> own.queryLong("SELECT 1")).get(60, TimeUnit.SECONDS);
            assertThat(answer).isEqualTo(1);
            trickle.interrupt();
            assertThat(firstLines.values()).as("the requests over the client's bound are refused at once")
                    .contains("HTTP/1.1 429 Too Many Requests");
            assertThat(running("starving_")).as("the sleeping queries that got in are still running")
                    .isPositive().isLessThanOrEqualTo(HostProcesses.REQUESTS_PER_CLIENT);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            awaitClientBoundFreed();
        }
    }

    /**
     * The queries of closed connections are killed and their slots of the client's bound given back a moment later;
     * the other tests of this class come from the same address, so they wait for that rather than meet a 429.
     */
    private static void awaitClientBoundFreed() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (running("starving_") == 0
                    && RawHttp.post(port, "/", credentialHeader, "SELECT 1").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the client's bound was not given back within 90 s of closing its connections");
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "starvation-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String firstLine(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return "closed: " + e.getMessage();
        }
    }

    @Test
    void aBodyThatStopsArrivingIsCutWith408AndNeverRuns() throws IOException {
        String start = "CREATE TABLE half_sent (a UInt8) ENGINE = Memory";
        try (Socket socket = open("/", start.length() + 100, start)) {
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.body()).contains("stopped arriving");
        }
        assertThat(own.queryLong("SELECT count() FROM system.tables WHERE name = 'half_sent'")).isZero();
    }

    @Test
    void aQueryWhoseClientLeftIsKilled() throws Exception {
        String marker = "client_gone_marker";
        Socket socket = sleepingQuery(marker);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (running(marker) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(running(marker)).as("the query runs while its client waits").isEqualTo(1);
        socket.close();
        deadline = Instant.now().plus(Duration.ofSeconds(60)); // the query itself would run for 120 s
        while (running(marker) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(running(marker)).as("the query is gone from system.processes").isZero();
    }
}
