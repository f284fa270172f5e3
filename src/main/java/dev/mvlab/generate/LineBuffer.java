package dev.mvlab.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte array that NDJSON lines are written into, reused between batches (not a java.nio buffer). */
final class LineBuffer {
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

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

    /**
     * Appends the decimal digits of a non-negative number, two at a time from a table: the generator writes four
     * numbers per line, and digit by digit (with a second pass to count them) they were a tenth of its CPU.
     */
    void appendDigits(long value) {
        if (length + 20 > bytes.length) {
            grow(20);
        }
        int end = length + digitCount(value);
        int at = end;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            bytes[--at] = ONES[pair];
            bytes[--at] = TENS[pair];
        }
        int last = (int) value;
        if (last >= 10) {
            bytes[--at] = ONES[last];
            bytes[--at] = TENS[last];
        } else {
            bytes[--at] = (byte) ('0' + last);
        }
        length = end;
    }

    /** How many decimal digits a non-negative number has (1 for 0). */
    static int digitCount(long value) {
        int count = 1;
        long bound = 10;
        while (count < 19 && value >= bound) {
            count++;
            bound *= 10;
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
