package dev.mvlab.clickhouse;

import net.jpountz.lz4.LZ4FrameOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * How insert bodies travel. LZ4 frames ({@code Content-Encoding: lz4}, which ClickHouse decodes on the fly) cut
 * NDJSON about 8 to 1: worth it over a network, a loss over loopback where the CPU is the limit.
 */
public enum Compression {
    NONE, LZ4, AUTO;

    public static Compression parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected none, lz4 or auto, got '" + text + "'");
        }
    }

    /** AUTO: none for a server on this machine, lz4 for any other. */
    public Compression resolve(String host) {
        if (this != AUTO) {
            return this;
        }
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]");
        return local ? NONE : LZ4;
    }

    /** Compresses {@code length} bytes into {@code into} (cleared first); returns the encoding header or null. */
    String encode(byte[] body, int length, PackedBody into) {
        if (this != LZ4) {
            return null;
        }
        into.reset();
        try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(into, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB)) {
            out.write(body, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "lz4";
    }

    /** A compressed body, reused between batches: its array is sent as it is, without a copy. */
    static final class PackedBody extends ByteArrayOutputStream {
        PackedBody(int capacity) {
            super(capacity);
        }

        byte[] array() {
            return buf;
        }

        int length() {
            return count;
        }
    }
}
