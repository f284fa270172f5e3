package dev.mvlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A load generator for one server, as light as {@code wrk}: one thread, a {@code java.nio} selector, {@code
 * connections} keep-alive connections, one call in flight on each (a closed loop: each answer sends the next call).
 * The requests are pre-built bytes ({@link #post}, {@link #get}); of each answer it reads only the status line and
 * the framing ({@code Content-Length}, chunked, or until the server closes) and skips the body. A status of 300 or
 * more, a connection closed before its answer ended, a refused connection or an answer not complete within the
 * timeout counts as a failure (the connection is then opened again). It is not an HTTP client: no redirects, no
 * TLS, no pipelining, no {@code Expect}; the calling thread runs it, and its CPU is the client's.
 */
public final class NioLoadClient {
    private static final int READ_BUFFER = 64 << 10;
    private static final int MAX_HEAD = 64 << 10;
    /** How often the calls in flight are checked against the timeout (and stalled connections restarted). */
    private static final long CHECK_EVERY_NANOS = 20_000_000L;

    private final InetSocketAddress address;
    private final int connections;
    private final Duration answerTimeout;

    /** A call's request: its head and body (the body may be empty), written together. */
    public record Call(byte[] head, byte[] body) {
    }

    /** @param answerTimeout how long a call may wait for its complete answer before it counts as failed */
    public NioLoadClient(String host, int port, int connections, Duration answerTimeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection");
        }
        this.address = new InetSocketAddress(host, port);
        this.connections = connections;
        this.answerTimeout = answerTimeout;
    }

    /** The client for {@code uri}'s host and port (a plain {@code http://} URI). */
    public static NioLoadClient of(String uri, int connections, Duration answerTimeout) {
        URI parsed = URI.create(uri);
        return new NioLoadClient(parsed.getHost(), parsed.getPort() < 0 ? 80 : parsed.getPort(), connections,
                answerTimeout);
    }

    /** A POST of {@code body} to {@code uri} (path and query are sent) with the given headers' values. */
    public static Call post(String uri, String authorization, String contentType, byte[] body) {
        return new Call(head("POST", uri, authorization, "Content-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n"), body);
    }

    /** A GET of {@code uri} (path and query are sent), with an {@code Authorization} header when not null. */
    public static Call get(String uri, String authorization) {
        return new Call(head("GET", uri, authorization, ""), new byte[0]);
    }

    private static byte[] head(String method, String uri, String authorization, String more) {
        URI parsed = URI.create(uri);
        String target = (parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath())
                + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
        String head = method + " " + target + " HTTP/1.1\r\nHost: " + parsed.getRawAuthority() + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + more + "\r\n";
        return head.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Makes calls {@code 0..count-1}; {@code calls} gives call i's request. */
    public LoadClients.Outcome run(int count, IntFunction<Call> calls) {
        return run(count, Duration.ZERO, calls);
    }

    /**
     * Makes calls until {@code count} were made or, with a non-zero {@code duration}, until that time has passed (the
     * calls in flight then end); call i's request is {@code calls.apply(i % count)} (a duration may need more calls
     * than {@code count}). The figures are those of the calls made.
     */
    public LoadClients.Outcome run(int count, Duration duration, IntFunction<Call> calls) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        Run run = new Run(count, duration, calls);
        try {
            run.loop();
        } catch (IOException e) {
            run.fail("the selector failed: " + e.getMessage());
        } finally {
            run.closeAll();
        }
        double cpu = threads.isCurrentThreadCpuTimeSupported()
                ? (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9 : 0;
        return run.outcome(cpu);
    }

    /** One run's state: the connections, the calls made so far and their latencies. */
    private final class Run {
        private final int count;
        private final IntFunction<Call> calls;
        private final long start = System.nanoTime();
        private final long stopSending;
        private final Connection[] open = new Connection[connections];
        private long[] latencies;
        private int made;
        private int ended;
        private int failures;
        private String firstFailure;
        private Selector selector;

        Run(int count, Duration duration, IntFunction<Call> calls) {
            this.count = count;
            this.calls = calls;
            this.stopSending = duration.isZero() ? Long.MAX_VALUE : start + duration.toNanos();
            this.latencies = new long[Math.max(16, count)];
        }

        private boolean mayStart() {
            return count > 0 && (stopSending == Long.MAX_VALUE ? made < count : System.nanoTime() < stopSending);
        }

        void loop() throws IOException {
            selector = Selector.open();
            for (int c = 0; c < open.length && mayStart(); c++) {
                open[c] = new Connection();
                open[c].next();
            }
            long timeoutNanos = answerTimeout.toNanos();
            long lastCheck = System.nanoTime();
            while (ended < made || mayStart()) {
                selector.select(Math.max(1, Math.min(100, answerTimeout.toMillis())));
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (key.isValid()) {
                        connection.ready(key);
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - lastCheck < CHECK_EVERY_NANOS) {
                    continue;
                }
                lastCheck = now;
                for (Connection connection : open) {
                    if (connection != null && connection.inFlight && now - connection.sent > timeoutNanos) {
                        connection.failed("no complete answer within " + answerTimeout.toMillis() + " ms");
                    }
                }
                // connections whose call ended without a socket event (a refused connect) start their next call here
                for (Connection connection : open) {
                    if (connection != null && !connection.inFlight && mayStart()) {
                        connection.next();
                    }
                }
            }
        }

        void fail(String what) {
            if (failures++ == 0) {
                firstFailure = what.length() > 300 ? what.substring(0, 300) : what;
            }
        }

        void closeAll() {
            for (Connection connection : open) {
                if (connection != null) {
                    connection.close();
                }
            }
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // the run is over
                }
            }
        }

        LoadClients.Outcome outcome(double cpuSeconds) {
            double seconds = (System.nanoTime() - start) / 1e9;
            int unanswered = made - ended;
            for (int i = 0; i < unanswered; i++) {
                fail("a call was not answered when the run ended");
            }
            long[] sorted = Arrays.copyOf(latencies, made);
            Arrays.sort(sorted);
            return new LoadClients.Outcome(made, seconds, made / seconds, percentile(sorted, 0.50),
                    percentile(sorted, 0.99), made == 0 ? 0 : sorted[made - 1] / 1e6, failures, firstFailure,
                    cpuSeconds);
        }

        private static double percentile(long[] sorted, double share) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * share))] / 1e6;
        }

        /** One keep-alive connection and the call in flight on it. */
        private final class Connection {
            private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
            private final AnswerReader answer = new AnswerReader(MAX_HEAD);
            private SocketChannel channel;
            private SelectionKey key;
            private ByteBuffer[] out;
            private boolean inFlight;
            private int index;
            private long sent;

            /** Starts the next call: on this connection, or on a new one when it is closed. */
            void next() {
                index = made++;
                if (index >= latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                sent = System.nanoTime();
                inFlight = true;
                Call call;
                try {
                    call = calls.apply(count > 0 ? index % count : index);
                } catch (RuntimeException e) {
                    ended(e.toString());
                    return;
                }
                out = new ByteBuffer[] {ByteBuffer.wrap(call.head()), ByteBuffer.wrap(call.body())};
                answer.reset();
                try {
                    if (channel == null) {
                        channel = SocketChannel.open();
                        channel.configureBlocking(false);
                        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                        if (channel.connect(address)) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                    } else {
                        key.interestOps(SelectionKey.OP_WRITE);
                        write(); // usually the whole request fits in the socket's buffer at once
                    }
                } catch (IOException e) {
                    failed("connection to " + address + " failed: " + e);
                }
            }

            void ready(SelectionKey ready) {
                try {
                    if (ready.isConnectable()) {
                        channel.finishConnect();
                        key.interestOps(SelectionKey.OP_WRITE);
                    }
                    if (ready.isValid() && ready.isWritable()) {
                        write();
                    }
                    if (ready.isValid() && ready.isReadable()) {
                        read();
                    }
                } catch (IOException e) {
                    failed((channel != null && channel.isConnected() ? "connection failed: " : "cannot connect to "
                            + address + ": ") + e);
                }
            }

            private void write() throws IOException {
                channel.write(out);
                if (!out[1].hasRemaining() && !out[0].hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }

            private void read() throws IOException {
                while (inFlight) {
                    in.clear();
                    int read = channel.read(in);
                    if (read < 0) {
                        if (answer.endsAtClose()) {
                            close(); // the answer was read until the server closed: complete
                            ended(null);
                        } else {
                            failed("the server closed the connection before the answer ended");
                        }
                        return;
                    }
                    if (read == 0) {
                        return;
                    }
                    in.flip();
                    AnswerReader.State state = answer.consume(in);
                    if (state == AnswerReader.State.DONE) {
                        if (answer.closes()) {
                            close();
                        }
                        ended(answer.status() >= 300 ? "HTTP " + answer.status() : null);
                        return; // the next call was just sent: its answer cannot be here yet (no pipelining)
                    } else if (state == AnswerReader.State.MALFORMED) {
                        failed("not an HTTP answer: " + answer.problem());
                        return;
                    }
                }
            }

            /** The call in flight failed: counted, and the connection closed (the next call opens a new one). */
            void failed(String why) {
                close();
                if (inFlight) {
                    ended(why);
                }
            }

            private void ended(String failure) {
                latencies[index] = System.nanoTime() - sent;
                inFlight = false;
                ended++;
                if (failure != null) {
                    fail(failure);
                }
                if (channel != null && key != null && key.isValid()) {
                    key.interestOps(0);
                }
                if (channel != null && mayStart()) {
                    next(); // keep-alive: the next call on the same connection
                }
            }

            void close() {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // a connection given up
                    }
                    channel = null;
                    key = null;
                }
            }
        }
    }
}
