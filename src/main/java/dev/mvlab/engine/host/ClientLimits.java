package dev.mvlab.engine.host;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many requests one client may have in the relay at once (reading its body or waiting for its answer), a client
 * being a remote address with a {@link RelayCaller}. A request over the bound is answered 429 at once, so that slow
 * or abusive connections of one client hold at most {@link #perClient} relay threads, and mvlab's own commands
 * ({@link RelayCaller#OWN}, a client of their own with a wider bound: benchmarks and {@code serve} run many
 * concurrent queries) always find a free one.
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
    private final int ownLane;
    private final Map<Client, Semaphore> places = new ConcurrentHashMap<>();

    ClientLimits(int perClient, int ownLane) {
        this.perClient = perClient;
        this.ownLane = ownLane;
    }

    /** The bound of one client of this caller. */
    int bound(RelayCaller caller) {
        return caller == RelayCaller.OWN ? ownLane : perClient;
    }

    Optional<Permit> tryEnter(String address, RelayCaller caller) {
        Semaphore semaphore = places.computeIfAbsent(new Client(address, caller), c -> new Semaphore(bound(caller)));
        if (!semaphore.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(semaphore::release);
    }
}
