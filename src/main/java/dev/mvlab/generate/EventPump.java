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
            generator.advance();
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

    /** Writes the next line into the buffer, after waiting as long as the rate asks. */
    void appendNext(EventJson json, LineBuffer out) {
        if (limits.rate() > 0) {
            long due = startNanos + (long) (paced * 1e9 / limits.rate());
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                LockSupport.parkNanos(wait);
            }
            paced++;
        }
        appendUnpaced(json, out);
    }

    /**
     * Writes the next line without pacing or limits (also for replaying in-doubt batches). The line goes from the
     * generator's state straight into the buffer: no {@link Event} is built for it.
     */
    void appendUnpaced(EventJson json, LineBuffer out) {
        generator.advance();
        generator.appendLine(json, out);
        position++;
        actions[generator.lineAction().ordinal()]++;
        if (generator.lineDuplicate()) {
            duplicates++;
        }
        if (generator.lineLate()) {
            late++;
        }
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
