package dev.mvlab.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte array that NDJSON lines are written into, reused between batches (not a java.nio buffer). */
final class LineBuffer {
    private byte[] bytes;
    private int length;

    LineBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    void append(byte b) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = b;
    }

    void append(byte[] source) {
        if (length + source.length > bytes.length) {
            grow(source.length);
        }
        System.arraycopy(source, 0, bytes, length, source.length);
        length += source.length;
    }

    void append(byte[] source, int offset, int count) {
        if (length + count > bytes.length) {
            grow(count);
        }
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Appends the decimal digits of a non-negative number. */
    void appendDigits(long value) {
        if (length + 20 > bytes.length) {
            grow(20);
        }
        if (value == 0) {
            bytes[length++] = '0';
            return;
        }
        int end = length + digitCount(value);
        int at = end;
        while (value > 0) {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
    }

    private static int digitCount(long value) {
        int count = 0;
        while (value > 0) {
            count++;
            value /= 10;
        }
        return count;
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + needed));
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void clear() {
        length = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }
}
