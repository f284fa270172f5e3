package dev.mvlab.engine.host;

import dev.mvlab.clickhouse.ArrayBodyPublisher;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's complete request body, read before anything goes to chDB. A body that declares its length is read into
 * one array of that length when it is at most {@link #IN_MEMORY}, or at most {@link #DECLARED_IN_MEMORY} while the
 * bodies held in memory by this process stay within {@link #MEMORY_BUDGET} (an insert batch of 12-16 MB thus costs
 * one copy, not a spool file written and read back); any other body is kept in memory up to {@link #IN_MEMORY}, else
 * in a spool file of the engine's private folder (deleted on close). The body goes to chDB as read-only slices of its array, not copied.
 */
final class RequestBody implements AutoCloseable {
    static final int IN_MEMORY = 4 << 20;
    /** The largest body with a declared length read into memory: mvlab's insert batches are cut at 32 MB. */
    static final int DECLARED_IN_MEMORY = 32 << 20;
    /** The bytes all bodies in memory may hold at once (the relay's heap is 128 MB); beyond it they spool. */
    static final long MEMORY_BUDGET = 64L << 20;
    private static final AtomicLong HELD = new AtomicLong();

    /** Where large bodies wait. */
    record Spool(Path dir) {
    }

    private final byte[] bytes;
    private final int length;
    private final Path file;
    private long reserved;

    private RequestBody(byte[] bytes, int length, Path file, long reserved) {
        this.bytes = bytes;
        this.length = length;
        this.file = file;
        this.reserved = reserved;
    }

    /** @param declaredLength the request's {@code Content-Length}, or -1 when it has none */
    static RequestBody read(InputStream in, long declaredLength, Spool spool) throws IOException {
        if (declaredLength >= 0 && declaredLength <= IN_MEMORY) { // a query, a small insert: no 64 KB chunk
            return new RequestBody(exactly(in, (int) declaredLength), (int) declaredLength, null, 0);
        }
        if (declaredLength > IN_MEMORY && declaredLength <= DECLARED_IN_MEMORY && reserve(declaredLength)) {
            try {
                return new RequestBody(exactly(in, (int) declaredLength), (int) declaredLength, null, declaredLength);
            } catch (IOException | RuntimeException | Error e) {
                HELD.addAndGet(-declaredLength);
                throw e;
            }
        }
        return read(in, spool);
    }

    /** The body of a declared length: exactly that many bytes, or an error. */
    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] exact = new byte[length];
        int n = in.readNBytes(exact, 0, length);
        if (n < length) {
            throw new EOFException("the body ended after " + n + " of its " + length + " bytes");
        }
        if (in.read() >= 0) {
            throw new IOException("the body is longer than its Content-Length " + length);
        }
        return exact;
    }

    static RequestBody read(InputStream in, Spool spool) throws IOException {
        Chunks memory = new Chunks();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            memory.write(chunk, 0, n);
            if (memory.size() > IN_MEMORY) {
                return spill(memory, chunk, in, spool);
            }
        }
        return new RequestBody(memory.array(), memory.size(), null, 0);
    }

    /** The bytes of bodies in memory now, counted against {@link #MEMORY_BUDGET}. */
    static long held() {
        return HELD.get();
    }

    private static boolean reserve(long bytes) {
        while (true) {
            long now = HELD.get();
            if (now + bytes > MEMORY_BUDGET) {
                return false;
            }
            if (HELD.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** A growing buffer whose array is handed out as it is (no copy to its size). */
    private static final class Chunks extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }

    private static RequestBody spill(ByteArrayOutputStream memory, byte[] chunk, InputStream in, Spool spool)
            throws IOException {
        Files.createDirectories(spool.dir());
        Path file = Files.createTempFile(spool.dir(), "body-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            memory.writeTo(out);
            int n;
            while ((n = in.read(chunk)) >= 0) {
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new RequestBody(null, 0, file, 0);
    }

    /** True when the body is held in memory (not in a spool file). */
    boolean inMemory() {
        return file == null;
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        if (file != null) {
            return HttpRequest.BodyPublishers.ofFile(file);
        }
        return length == 0 ? HttpRequest.BodyPublishers.noBody() : ArrayBodyPublisher.of(bytes, length);
    }

    @Override
    public void close() throws IOException {
        if (reserved > 0) {
            HELD.addAndGet(-reserved);
            reserved = 0;
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
