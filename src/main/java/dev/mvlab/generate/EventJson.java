package dev.mvlab.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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

    private static final long SECONDS_PER_DAY = 86_400;

    private long cachedSecond = Long.MIN_VALUE;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedText = new byte[19];

    /** Appends the event as one line, newline included. */
    void append(LineBuffer out, Event event) {
        append(out, event.customer(), event.product(), event.priceCents(), event.action(), event.timestamp());
    }

    /** Appends one line, newline included, from the event's fields (a price below 0: none). */
    void append(LineBuffer out, int customer, int product, long priceCents, Action action, long timestamp) {
        out.append(CUSTOMER);
        out.appendDigits(customer);
        out.append(PRODUCT);
        out.appendDigits(product);
        if (priceCents >= 0) {
            out.append(PRICE);
            out.appendDigits(priceCents / 100);
            out.append((byte) '.');
            out.append((byte) ('0' + (priceCents % 100) / 10));
            out.append((byte) ('0' + priceCents % 10));
            out.append(ACTION_AFTER_PRICE);
        } else {
            out.append(ACTION);
        }
        out.append(action.bytes());
        out.append(TIMESTAMP);
        out.append(timestamp(timestamp));
        out.append(END);
    }

    /** One event as its line, without the newline. */
    public String line(Event event) {
        LineBuffer buffer = new LineBuffer(160);
        append(buffer, event);
        return new String(buffer.array(), 0, buffer.length() - 1, StandardCharsets.US_ASCII);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss} of the epoch second, cached for runs of events in the same second. The date is
     * worked out (with a {@link LocalDate}) only when the day changes; the time of day is arithmetic, so a new
     * second allocates nothing (at the default pace a new second comes every five events).
     */
    private byte[] timestamp(long epochSecond) {
        if (epochSecond != cachedSecond) {
            long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
            if (day != cachedDay) {
                LocalDate date = LocalDate.ofEpochDay(day);
                put(0, date.getYear(), 4);
                cachedText[4] = '-';
                put(5, date.getMonthValue(), 2);
                cachedText[7] = '-';
                put(8, date.getDayOfMonth(), 2);
                cachedText[10] = 'T';
                cachedText[13] = ':';
                cachedText[16] = ':';
                cachedDay = day;
            }
            int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
            put(11, secondOfDay / 3600, 2);
            put(14, secondOfDay / 60 % 60, 2);
            put(17, secondOfDay % 60, 2);
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
