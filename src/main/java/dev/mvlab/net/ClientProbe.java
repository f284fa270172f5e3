package dev.mvlab.net;

import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Whether the client of a request is still there while its handler waits for ClickHouse. Jetty reads nothing from a
 * connection while its handler runs (the request body was read in full), so it would not notice a client that left.
 * A non-blocking read of the connection: end of stream, a closed connection or an error means the client has gone;
 * bytes mean it already sent its next request (HTTP pipelining), which is then not served: the answer closes the
 * connection and the client sends it again. One watcher probes at a time; {@link #readAhead()} may be read by any
 * thread.
 */
public final class ClientProbe {
    private final EndPoint client;
    private final ByteBuffer probe = ByteBuffer.allocate(256);
    private volatile boolean readAhead;

    public ClientProbe(EndPoint client) {
        this.client = client;
    }

    /** True when the client has closed its connection or it broke. */
    public boolean gone() {
        try {
            probe.clear().flip(); // Jetty fills from the limit: start empty
            int read = client.fill(probe);
            if (read > 0) {
                readAhead = true;
            }
            return read < 0 || !client.isOpen();
        } catch (IOException e) {
            return true;
        }
    }

    /** The client sent more than its request while it waited: its connection must close after this answer. */
    public boolean readAhead() {
        return readAhead;
    }
}
