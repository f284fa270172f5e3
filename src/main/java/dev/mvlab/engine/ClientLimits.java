package dev.mvlab.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many requests one client may have in the relay at once (reading its body or waiting for its answer), a client
 * being a remote address with a {@link RelayCaller}. A request over the bound is answered 429 at once, so that slow
 * or abusive connections of one client hold at most {@link #perClient} relay threads, and mvlab's own commands
 * ({@link RelayCaller#OWN}, a client of their own) always find a free one.
 */
final class ClientLimits {
    /** A held place; closing it frees the place. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private record Client(String address, RelayCaller caller) {
    }

    private final int perClient;
    private final Map<Client, Semaphore> places = new ConcurrentHashMap<>();

    ClientLimits(int perClient) {
        this.perClient = perClient;
    }

    int perClient() {
        return perClient;
    }

    Optional<Permit> tryEnter(String address, RelayCaller caller) {
        Semaphore semaphore = places.computeIfAbsent(new Client(address, caller), c -> new Semaphore(perClient));
        if (!semaphore.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(semaphore::release);
    }
}
