package dev.mvlab.generate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a generator for one run: skips to a start position, stops at the run's limits, paces to the requested
 * rate, and counts what it handed out.
 */
final class EventPump {
    private final EventGenerator generator;
    private final RunLimits limits;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private long position;
    private long paced;
    private long duplicates;
    private long late;
    private final long[] actions = new long[Action.values().length];

    EventPump(StreamOptions options, RunLimits limits) {
        this.generator = new EventGenerator(options);
        this.limits = limits;
        this.deadlineNanos = limits.duration() == null ? Long.MAX_VALUE : startNanos + limits.duration().toNanos();
    }

    /** Regenerates and drops events up to the given stream position (uncounted). */
    void skipTo(long target) {
        while (position < target) {
            generator.next();
            position++;
        }
    }

    long position() {
        return position;
    }

    /** True while the run's limits allow another event. */
    boolean hasNext() {
        if (limits.events() != null && position >= limits.events()) {
            return false;
        }
        return deadlineNanos == Long.MAX_VALUE || System.nanoTime() < deadlineNanos;
    }

    /** The next event, after waiting as long as the rate asks. */
    Event next() {
        if (limits.rate() > 0) {
            long due = startNanos + (long) (paced * 1e9 / limits.rate());
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                LockSupport.parkNanos(wait);
            }
            paced++;
        }
        return unpaced();
    }

    /** The next event without pacing or limits (for replaying in-doubt batches). */
    Event unpaced() {
        Event event = generator.next();
        position++;
        actions[event.action().ordinal()]++;
        if (event.duplicate()) {
            duplicates++;
        }
        if (event.late()) {
            late++;
        }
        return event;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    long duplicates() {
        return duplicates;
    }

    long late() {
        return late;
    }

    Map<Action, Long> actions() {
        Map<Action, Long> map = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            map.put(action, actions[action.ordinal()]);
        }
        return map;
    }
}
