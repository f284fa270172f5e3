package dev.mvlab.serve.door;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many queries each token runs at once: a token over its share gets no permit (the door answers 429), so one
 * token's slow queries never take the engine from the others.
 */
final class QueryPermits {
    private final int perToken;
    private final Map<String, Semaphore> byToken = new ConcurrentHashMap<>();

    QueryPermits(int perToken) {
        this.perToken = perToken;
    }

    /** A permit for one query of {@code token}, or empty when it already runs as many as it may. */
    Optional<Permit> tryAcquire(String token) {
        Semaphore semaphore = byToken.computeIfAbsent(token, t -> new Semaphore(perToken));
        return semaphore.tryAcquire() ? Optional.of(semaphore::release) : Optional.empty();
    }

    int perToken() {
        return perToken;
    }

    /** Given back when the query's request ends. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
