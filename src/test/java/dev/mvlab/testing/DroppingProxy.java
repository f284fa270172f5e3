package dev.mvlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real TCP proxy in front of a server on the loopback address that can lose one reply: once armed with a marker,
 * the first request whose bytes contain the marker is forwarded, the server runs it and answers, and the proxy closes
 * the client's connection without passing the answer on (what a load balancer or a flaky network does).
 */
public final class DroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final AtomicReference<String> armed = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();

    public DroppingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "dropping-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Loses the reply to the next request that contains {@code marker}. */
    public void dropReplyTo(String marker) {
        armed.set(marker);
    }

    /** How many replies were lost so far. */
    public int dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                AtomicBoolean dropNextReply = new AtomicBoolean();
                start(() -> requests(client, upstream, dropNextReply));
                start(() -> replies(upstream, client, dropNextReply));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void requests(Socket client, Socket upstream, AtomicBoolean dropNextReply) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                String marker = armed.get();
                if (marker != null && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(marker)
                        && armed.compareAndSet(marker, null)) {
                    dropNextReply.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void replies(Socket upstream, Socket client, AtomicBoolean dropNextReply) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (dropNextReply.get()) {
                    // the server has answered, so it ran the statement; the client never hears of it
                    dropped.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "dropping-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
