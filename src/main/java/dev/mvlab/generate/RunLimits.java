package dev.mvlab.generate;

import java.time.Duration;

/**
 * When a run stops and how fast it goes.
 *
 * @param events    stop when the stream reaches this many lines (counted from its start, so a resumed run stops at
 *                  the same place as an uninterrupted one); null for no limit
 * @param duration  stop after this much wall-clock time; null for no limit
 * @param rate      lines per wall-clock second; 0 for as fast as the sink takes them
 */
public record RunLimits(Long events, Duration duration, double rate) {
    public RunLimits {
        if (events == null && duration == null) {
            throw new IllegalArgumentException("give a number of events or a duration");
        }
        if (events != null && events < 0) {
            throw new IllegalArgumentException("the number of events cannot be negative");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("the duration must be above 0");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("the rate cannot be negative");
        }
    }

    public static RunLimits events(long events) {
        return new RunLimits(events, null, 0);
    }
}
