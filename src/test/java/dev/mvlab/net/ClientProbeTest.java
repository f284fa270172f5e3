package dev.mvlab.net;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe over a real Jetty connection: a client that closes has gone; one that pipelines has read ahead. */
class ClientProbeTest {
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private record Seen(boolean gone, boolean readAhead) {
    }

    private final CompletableFuture<Seen> seen = new CompletableFuture<>();
    private final CountDownLatch handling = new CountDownLatch(1);
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ClientProbe probe = new ClientProbe(request.getConnectionMetaData().getConnection().getEndPoint());
                handling.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean gone = false;
                while (System.nanoTime() < until && !(gone = probe.gone()) && !probe.readAhead()) {
                    Thread.sleep(20);
                }
                seen.complete(new Seen(gone, probe.readAhead()));
                callback.succeeded();
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
    void aClientThatClosesHasGone() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(new Seen(true, false));
    }

    @Test
    void aClientThatSendsItsNextRequestHasReadAheadAndIsStillThere() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
            out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(new Seen(false, true));
        }
    }
}
