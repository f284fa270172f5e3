package dev.mvlab.serve;

import java.time.Duration;

/**
 * How long and how many {@code Idempotency-Key}s the Events API remembers: a retry within {@code life} of the first
 * request with its key stores nothing new; past it (or once {@code maxKeys} newer keys came) the key is new again.
 */
public record KeyMemory(Duration life, int maxKeys) {
    public static final KeyMemory DEFAULT = new KeyMemory(Duration.ofHours(24), 2_000_000);

    public KeyMemory {
        if (life.isNegative() || life.isZero() || life.toSeconds() < 1) {
            throw new IllegalArgumentException("an idempotency key's life is at least 1 s, got " + life);
        }
        if (maxKeys < 16 || maxKeys > 50_000_000) {
            throw new IllegalArgumentException("between 16 and 50,000,000 idempotency keys, got " + maxKeys);
        }
    }
}
