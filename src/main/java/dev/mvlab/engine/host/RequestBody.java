package dev.mvlab.engine.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client's complete request body, read before anything goes to chDB: in memory up to {@link #IN_MEMORY}, else in
 * a spool file of the engine's private folder (deleted on close).
 */
final class RequestBody implements AutoCloseable {
    static final int IN_MEMORY = 4 << 20;

    /** Where large bodies wait. */
    record Spool(Path dir) {
    }

    private final byte[] bytes;
    private final Path file;

    private RequestBody(byte[] bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    static RequestBody read(InputStream in, Spool spool) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            memory.write(chunk, 0, n);
            if (memory.size() > IN_MEMORY) {
                return spill(memory, chunk, in, spool);
            }
        }
        return new RequestBody(memory.toByteArray(), null);
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
        return new RequestBody(null, file);
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        if (file != null) {
            return HttpRequest.BodyPublishers.ofFile(file);
        }
        return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
