package dev.mvlab.generate;

import dev.mvlab.clickhouse.Compression;

import java.time.Duration;

/**
 * How events are grouped into inserts.
 *
 * @param size           lines per insert at most
 * @param flushInterval  a batch is sent when it is this old even if not full (matters with a low --rate)
 * @param inserters      parallel inserts in flight
 * @param queue          batches waiting for an inserter; when full the generator waits (backpressure)
 * @param compression    of the insert bodies; AUTO compresses only for servers on other machines
 */
public record BatchSettings(int size, Duration flushInterval, int inserters, int queue, Compression compression) {
    public static final BatchSettings DEFAULT = new BatchSettings(100_000, Duration.ofSeconds(1), 2, 2,
            Compression.AUTO);

    public BatchSettings(int size, Duration flushInterval, int inserters, int queue) {
        this(size, flushInterval, inserters, queue, Compression.AUTO);
    }

    /** The most events one insert may carry. */
    public static final int MAX_SIZE = 10_000_000;

    public BatchSettings {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("the batch size must be between 1 and " + MAX_SIZE);
        }
        if (inserters < 1 || inserters > 16) {
            throw new IllegalArgumentException("inserters must be between 1 and 16");
        }
        if (queue < 1 || queue > 64) {
            throw new IllegalArgumentException("the queue must hold between 1 and 64 batches");
        }
    }

    public BatchSettings withSize(int newSize) {
        return new BatchSettings(newSize, flushInterval, inserters, queue, compression);
    }

    public BatchSettings withInserters(int count) {
        return new BatchSettings(size, flushInterval, count, queue, compression);
    }
}
