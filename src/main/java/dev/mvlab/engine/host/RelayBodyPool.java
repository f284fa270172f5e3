package dev.mvlab.engine.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrays that large request bodies are read into, reused from one request to the next. A fresh 12-16 MB array
 * per insert batch was still alive at the relay's next young collection (its insert runs for a second or two), so the
 * collector copied it to the old generation: pauses of 45-81 ms each, a third of the relay's CPU under ingest (JFR).
 * A reused array is copied at most once and then stays where it is. Every array, in use or free, counts against one
 * budget of bytes; a free one is dropped when a new size needs the room. Capacities are rounded up to whole MB so
 * that batches of about the same size share arrays.
 */
final class RelayBodyPool {
    private static final int GRAIN = 1 << 20;

    private final long budget;
    private final List<byte[]> free = new ArrayList<>();
    /** Capacities of the arrays in use and of the free ones. */
    private long allocated;

    RelayBodyPool(long budget) {
        this.budget = budget;
    }

    /** An array of at least {@code length} bytes, or null when the budget (or the heap) has no room for one. */
    byte[] take(int length) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, ((long) length + GRAIN - 1) / GRAIN * GRAIN);
        synchronized (this) {
            byte[] best = null;
            for (byte[] candidate : free) {
                if (candidate.length >= length && (best == null || candidate.length < best.length)) {
                    best = candidate;
                }
            }
            if (best != null) {
                free.remove(best);
                return best;
            }
            while (allocated + capacity > budget && !free.isEmpty()) {
                allocated -= free.remove(free.size() - 1).length; // dropped: the collector takes it
            }
            if (allocated + capacity > budget) {
                return null;
            }
            allocated += capacity;
        }
        try {
            return new byte[capacity];
        } catch (OutOfMemoryError e) { // the heap has other tenants: the body spools instead
            synchronized (this) {
                allocated -= capacity;
            }
            return null;
        }
    }

    /** Gives an array of {@link #take} back for the next body. */
    synchronized void giveBack(byte[] array) {
        free.add(array);
    }

    /** Bytes of all arrays of this pool, in use or free: never more than the budget. */
    synchronized long allocated() {
        return allocated;
    }
}
