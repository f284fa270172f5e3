package dev.mvlab.clickhouse;

import java.time.Duration;

/**
 * How long to keep retrying an insert that failed for a transient reason (connection refused or reset, timeout,
 * 502/503/504, or a server error ClickHouse marks as temporary), with exponential backoff between attempts.
 */
public record RetryPolicy(Duration budget, Duration firstBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(60), Duration.ofMillis(100),
            Duration.ofSeconds(5));

    public static RetryPolicy within(Duration budget) {
        return new RetryPolicy(budget, DEFAULT.firstBackoff, DEFAULT.maxBackoff);
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
