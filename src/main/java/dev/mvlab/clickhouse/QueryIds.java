package dev.mvlab.clickhouse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query ids that are unique across processes without a lock per id: one random part drawn when the class loads and
 * a counter. {@code UUID.randomUUID()} per query goes through one shared {@code SecureRandom} whose monitors every
 * request thread queues on (issue 20); a query id only needs to be unique, so that a {@code KILL QUERY} by it ends
 * that query and no other.
 */
public final class QueryIds {
    private static final String PROCESS = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static final AtomicLong NEXT = new AtomicLong();

    private QueryIds() {
    }

    /** A new id: {@code prefix}, this process's random part and a counter, e.g. {@code mvlab-serve-3f2a...-17}. */
    public static String next(String prefix) {
        return prefix + PROCESS + "-" + NEXT.incrementAndGet();
    }
}
