package dev.mvlab.bench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The NIO load client counts every call once, and failures as failures, against a real Jetty server. */
class NioLoadClientTest {
    private Server server;
    private int port;
    private final Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Set<Object> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger bodyBytes = new AtomicInteger();
    private final java.util.List<Callback> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What the test server does with call i. */
    private interface Behaviour {
        void handle(int index, Request request, Response response, Callback callback) throws Exception;
    }

    private void start(Behaviour behaviour) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setStopTimeout(1000);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                connections.add(request.getConnectionMetaData().getId());
                bodyBytes.addAndGet(Request.asInputStream(request).readAllBytes().length);
                int index = Integer.parseInt(Request.extractQueryParameters(request).getValue("i"));
                seen.computeIfAbsent(index, k -> new AtomicInteger()).incrementAndGet();
                behaviour.handle(index, request, response, callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        held.forEach(Callback::succeeded); // the calls a test held: let the server stop
        if (server != null) {
            server.stop();
        }
    }

    private NioLoadClient.Call post(int i) {
        return NioLoadClient.post("http://127.0.0.1:" + port + "/v0/events?i=" + i, "Bearer t", "text/plain",
                ("event " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(Response response, int status, String body, Callback callback) {
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Test
    void everyCallIsSentAndCountedOnceOverKeepAliveConnectionsWith500sAsFailures() throws Exception {
        start((i, request, response, callback) -> {
            if (i % 3 == 0) { // two writes and no length: a chunked answer
                response.setStatus(i % 7 == 0 ? 500 : 200);
                response.write(false, ByteBuffer.wrap("first part ".repeat(500).getBytes(StandardCharsets.UTF_8)),
                        Callback.from(() -> response.write(true, ByteBuffer.wrap("last".getBytes(
                                StandardCharsets.UTF_8)), callback), callback::failed));
            } else {
                answer(response, i % 7 == 0 ? 500 : 200, "{\"ok\":" + i + "}", callback);
            }
        });
        LoadClients.Outcome outcome = NioLoadClient.of("http://127.0.0.1:" + port, 10, Duration.ofSeconds(30))
                .run(700, this::post);
        assertThat(outcome.requests()).isEqualTo(700);
        assertThat(seen).hasSize(700);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        int expectedBytes = 0;
        for (int i = 0; i < 700; i++) {
            expectedBytes += ("event " + i + "\n").length();
        }
        assertThat(bodyBytes.get()).isEqualTo(expectedBytes);
        assertThat(outcome.failures()).isEqualTo(100);
        assertThat(outcome.succeeded()).isEqualTo(600);
        assertThat(outcome.firstFailure()).isEqualTo("HTTP 500");
        assertThat(outcome.p50()).isPositive().isLessThanOrEqualTo(outcome.p99());
        assertThat(outcome.p99()).isLessThanOrEqualTo(outcome.max());
        assertThat(outcome.clientCpuSeconds()).isPositive();
        assertThat(connections).hasSizeBetween(1, 10); // keep-alive: not a connection per call
    }

    @Test
    void aConnectionTheServerDropsMidCallIsAFailureAndTheNextCallsGoOnNewConnections() throws Exception {
        start((i, request, response, callback) -> {
            if (i % 5 == 0) { // no answer: the connection is dropped
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.succeeded();
            } else if (i % 5 == 1) { // an answer, then the server closes the connection: a success
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                answer(response, 200, "bye", callback);
            } else {
                answer(response, 200, "ok", callback);
            }
        });
        LoadClients.Outcome outcome = NioLoadClient.of("http://127.0.0.1:" + port, 4, Duration.ofSeconds(30))
                .run(200, this::post);
        assertThat(outcome.requests()).isEqualTo(200);
        assertThat(seen).hasSize(200);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(outcome.failures()).isEqualTo(40);
        assertThat(outcome.firstFailure()).contains("closed");
        assertThat(connections).hasSizeGreaterThan(40); // every dropped or closed connection was opened again
    }

    @Test
    void aServerThatNeverAnswersEndsInFailuresWithinTheTimeoutNotAHang() throws Exception {
        start((i, request, response, callback) -> held.add(callback)); // holds the call: never answers
        long started = System.nanoTime();
        LoadClients.Outcome outcome = NioLoadClient.of("http://127.0.0.1:" + port, 2, Duration.ofMillis(500))
                .run(4, this::post);
        assertThat(outcome.requests()).isEqualTo(4);
        assertThat(outcome.failures()).isEqualTo(4);
        assertThat(outcome.firstFailure()).contains("no complete answer within 500 ms");
        assertThat(outcome.max()).isGreaterThanOrEqualTo(500);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aServerThatIsNotThereIsAFailurePerCall() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        port = closed;
        LoadClients.Outcome outcome = NioLoadClient.of("http://127.0.0.1:" + closed, 4, Duration.ofSeconds(5))
                .run(20, this::post);
        assertThat(outcome.requests()).isEqualTo(20);
        assertThat(outcome.failures()).isEqualTo(20);
        assertThat(outcome.firstFailure()).containsIgnoringCase("connect");
    }

    @Test
    void aRunForADurationEndsItsCallsInFlightAndCountsThemAll() throws Exception {
        start((i, request, response, callback) -> answer(response, 200, "ok", callback));
        LoadClients.Outcome outcome = NioLoadClient.of("http://127.0.0.1:" + port, 3, Duration.ofSeconds(30))
                .run(5, Duration.ofMillis(300), this::post);
        assertThat(outcome.requests()).isGreaterThan(5); // the 5 requests were sent again and again
        assertThat(outcome.failures()).isZero();
        assertThat(outcome.seconds()).isGreaterThanOrEqualTo(0.3);
        assertThat(seen.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(outcome.requests());
    }
}
