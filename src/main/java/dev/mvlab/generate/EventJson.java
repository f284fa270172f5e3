package dev.mvlab.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes events as the workshop's NDJSON lines, field order fixed so that a seed gives byte-identical output:
 * {@code {"customer_id":"customer_464","product":{"product_id":"product_17"},"action":"view","timestamp":"2024-09-19T16:33:11"}},
 * purchases with {@code "price":23.99} after the product id. All values are plain ASCII, so nothing needs escaping.
 */
public final class EventJson {
    private static final byte[] CUSTOMER = ascii("{\"customer_id\":\"customer_");
    private static final byte[] PRODUCT = ascii("\",\"product\":{\"product_id\":\"product_");
    private static final byte[] PRICE = ascii("\",\"price\":");
    private static final byte[] ACTION_AFTER_PRICE = ascii("},\"action\":\"");
    private static final byte[] ACTION = ascii("\"},\"action\":\"");
    private static final byte[] TIMESTAMP = ascii("\",\"timestamp\":\"");
    private static final byte[] END = ascii("\"}\n");

    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] cachedText = new byte[19];

    /** Appends the event as one line, newline included. */
    void append(LineBuffer out, Event event) {
        out.append(CUSTOMER);
        out.appendDigits(event.customer());
        out.append(PRODUCT);
        out.appendDigits(event.product());
        if (event.hasPrice()) {
            out.append(PRICE);
            long cents = event.priceCents();
            out.appendDigits(cents / 100);
            out.append((byte) '.');
            out.append((byte) ('0' + (cents % 100) / 10));
            out.append((byte) ('0' + cents % 10));
            out.append(ACTION_AFTER_PRICE);
        } else {
            out.append(ACTION);
        }
        out.append(event.action().bytes());
        out.append(TIMESTAMP);
        out.append(timestamp(event.timestamp()));
        out.append(END);
    }

    /** One event as its line, without the newline. */
    public String line(Event event) {
        LineBuffer buffer = new LineBuffer(160);
        append(buffer, event);
        return new String(buffer.array(), 0, buffer.length() - 1, StandardCharsets.US_ASCII);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} of the epoch second, cached for runs of events in the same second. */
    private byte[] timestamp(long epochSecond) {
        if (epochSecond != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            put(0, t.getYear(), 4);
            cachedText[4] = '-';
            put(5, t.getMonthValue(), 2);
            cachedText[7] = '-';
            put(8, t.getDayOfMonth(), 2);
            cachedText[10] = 'T';
            put(11, t.getHour(), 2);
            cachedText[13] = ':';
            put(14, t.getMinute(), 2);
            cachedText[16] = ':';
            put(17, t.getSecond(), 2);
            cachedSecond = epochSecond;
        }
        return cachedText;
    }

    private void put(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            cachedText[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
