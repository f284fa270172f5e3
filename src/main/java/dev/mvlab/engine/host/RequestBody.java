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
 * one array: an exact one up to {@link #POOLED_FROM}, else, up to {@link #DECLARED_IN_MEMORY}, a reused array of the
 * {@link RelayBodyPool} while all such arrays stay within {@link #MEMORY_BUDGET} (an insert batch of 12-16 MB thus
 * costs one copy, not a spool file written and read back, and no fresh array for the collector to move); a body
 * without a length, or past the budget, is kept in memory up to {@link #IN_MEMORY}, else in a spool file of the
 * engine's private folder (deleted on close). The body goes to chDB as read-only slices of its array, not copied.
 */
final class RequestBody implements AutoCloseable {
    static final int IN_MEMORY = 4 << 20;
    /** From this declared length on, a body is read into an array of the pool. */
    static final int POOLED_FROM = 1 << 20;
    /** The largest body with a declared length read into memory: mvlab's insert batches are cut at 32 MB. */
    static final int DECLARED_IN_MEMORY = 32 << 20;
    /** The bytes all pooled arrays may hold at once, in use or free (the relay's heap is 128 MB). */
    static final long MEMORY_BUDGET = 64L << 20;
    private static final RelayBodyPool POOL = new RelayBodyPool(MEMORY_BUDGET);
    /** The lengths of the bodies in pooled arrays now. */
    private static final AtomicLong HELD = new AtomicLong();

    /** Where large bodies wait. */
    record Spool(Path dir) {
    }

    private final byte[] bytes;
    private final int length;
    private final Path file;
    /** The array came from the pool and goes back on close. */
    private boolean pooled;

    private RequestBody(byte[] bytes, int length, Path file, boolean pooled) {
        this.bytes = bytes;
        this.length = length;
        this.file = file;
        this.pooled = pooled;
    }

    /** @param declaredLength the request's {@code Content-Length}, or -1 when it has none */
    static RequestBody read(InputStream in, long declaredLength, Spool spool) throws IOException {
        if (declaredLength >= 0 && declaredLength < POOLED_FROM) { // a query, a small insert: no 64 KB chunk
            return new RequestBody(exactly(in, new byte[(int) declaredLength], (int) declaredLength), (int) declaredLength,
                    null, false);
        }
        byte[] array = declaredLength >= 0 && declaredLength <= DECLARED_IN_MEMORY
                ? POOL.take((int) declaredLength) : null;
        if (array != null) {
            int length = (int) declaredLength;
            HELD.addAndGet(length);
            try {
                return new RequestBody(exactly(in, array, length), length, null, true);
            } catch (IOException | RuntimeException | Error e) {
                HELD.addAndGet(-length);
                POOL.giveBack(array);
                throw e;
            }
        }
        if (declaredLength >= 0 && declaredLength <= IN_MEMORY) { // the pool is full: an array of its own
            return new RequestBody(exactly(in, new byte[(int) declaredLength], (int) declaredLength), (int) declaredLength,
                    null, false);
        }
        return read(in, spool);
    }

    /** Reads a body of a declared length into {@code into}: exactly that many bytes, or an error. */
    private static byte[] exactly(InputStream in, byte[] into, int length) throws IOException {
        int n = in.readNBytes(into, 0, length);
        if (n < length) {
            throw new EOFException("the body ended after " + n + " of its " + length + " bytes");
        }
        if (in.read() >= 0) {
            throw new IOException("the body is longer than its Content-Length " + length);
        }
        return into;
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
        return new RequestBody(memory.array(), memory.size(), null, false);
    }

    /** The bytes of bodies in pooled arrays now. */
    static long held() {
        return HELD.get();
    }

    /** The bytes of the pool's arrays, in use or free: at most {@link #MEMORY_BUDGET}. */
    static long pooledBytes() {
        return POOL.allocated();
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
        return new RequestBody(null, 0, file, false);
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
        if (pooled) {
            pooled = false;
            HELD.addAndGet(-length);
            POOL.giveBack(bytes);
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
