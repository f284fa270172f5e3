package dev.mvlab.bench;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The load client counts answers and failures right, over real keep-alive connections to a real server. */
class LoadClientsTest {
    private Server server;
    private int port;
    private final AtomicInteger bodies = new AtomicInteger();
    private final Set<Object> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        // answers 500 to every call whose index is a multiple of 7, 200 to the others; counts the bytes received
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                connections.add(request.getConnectionMetaData().getId());
                String body = Request.asInputStream(request).readAllBytes().length > 0 ? "ok" : "empty";
                bodies.incrementAndGet();
                int index = Integer.parseInt(Request.extractQueryParameters(request).getValue("i"));
                response.setStatus(index % 7 == 0 ? 500 : 200);
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void everyCallIsAnsweredOnceAndFailuresAreCounted() {
        LoadClients.Outcome outcome = LoadClients.run(10, 700, (http, i) -> http
                .newRequest("http://127.0.0.1:" + port + "/?i=" + i).method(HttpMethod.POST)
                .body(new BytesRequestContent("text/plain", "x".getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome.requests()).isEqualTo(700);
        assertThat(bodies.get()).isEqualTo(700);
        assertThat(outcome.failures()).isEqualTo(100);
        assertThat(outcome.succeeded()).isEqualTo(600);
        assertThat(outcome.firstFailure()).isEqualTo("HTTP 500");
        assertThat(outcome.p50()).isPositive().isLessThanOrEqualTo(outcome.p99());
        assertThat(outcome.p99()).isLessThanOrEqualTo(outcome.max());
        // keep-alive: at most one connection per client, not one per call
        assertThat(connections).hasSizeBetween(1, 10);
    }

    @Test
    void aServerThatIsNotThereIsAFailurePerCallNotAHang() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        LoadClients.Outcome outcome = LoadClients.run(4, 20, (http, i) -> http
                .newRequest("http://127.0.0.1:" + closed + "/?i=" + i));
        assertThat(outcome.failures()).isEqualTo(20);
        assertThat(outcome.succeeded()).isZero();
        assertThat(outcome.firstFailure()).containsIgnoringCase("connect");
    }
}
