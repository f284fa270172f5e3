package dev.mvlab.engine.host;

import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Tells whether a client is still there while the relay waits for chDB (Jetty reads nothing from a connection while
 * its handler runs, so it would not notice). A non-blocking read of the connection: end of stream or an error means
 * the client has gone; bytes mean the client already sent its next request (HTTP pipelining), which the relay then
 * does not serve: the answer closes the connection and the client sends it again.
 */
final class ClientWatch {
    private final EndPoint endPoint;
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private boolean readAhead;

    ClientWatch(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    boolean gone() {
        if (readAhead) {
            return false;
        }
        try {
            probe.clear().flip(); // Jetty fills from the limit: start empty
            int read = endPoint.fill(probe);
            if (read > 0) {
                readAhead = true;
            }
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The client sent more than its request while it waited: its connection must close after this answer. */
    boolean readAhead() {
        return readAhead;
    }
}
