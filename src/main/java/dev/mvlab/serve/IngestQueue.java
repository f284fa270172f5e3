package dev.mvlab.serve;

import dev.mvlab.clickhouse.HttpInserter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for one data source: requests queue their accepted NDJSON; a few sender threads each take everything
 * queued (up to a size, waiting briefly for more) and send it as one INSERT, so that many small concurrent requests become few large inserts.
 * Each request gets a future completed when its rows are committed (or failed). Every insert carries a fresh
 * deduplication token, so the inserter's retries never store a batch twice; a request with an idempotency key is
 * sent on its own with a token derived from the key, so a client's retries of it are stored once.
 */
final class IngestQueue implements AutoCloseable {
    private static final int MAX_BATCH_BYTES = 16 << 20;
    private static final int MAX_QUEUED_BYTES = 128 << 20;
    /**
     * How long a sender waits for more requests before it inserts what it has: every insert runs each materialized
     * view of the table once, so few large inserts cost far less than many small ones.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private final HttpInserter inserter;
    private final String name;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(MAX_QUEUED_BYTES);
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicLong inserts = new AtomicLong();
    private volatile boolean closing;

    private record Pending(byte[] lines, CompletableFuture<Void> done) {
    }

    IngestQueue(String name, HttpInserter inserter, int senders) {
        this.name = name;
        this.inserter = inserter;
        for (int i = 0; i < senders; i++) {
            Thread thread = new Thread(this::send, "mvlab-ingest-" + name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            this.senders.add(thread);
        }
    }

    /** Queues NDJSON lines (each ending in a newline); waits while too much is queued already. */
    CompletableFuture<Void> submit(byte[] lines) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (lines.length == 0) {
            done.complete(null);
            return done;
        }
        int size = Math.min(lines.length, MAX_QUEUED_BYTES);
        room.acquireUninterruptibly(size);
        queue.add(new Pending(lines, done));
        return done;
    }

    /** Sends the lines now, alone, deduplicated by {@code token}: a retry with the same token is stored once. */
    void sendAlone(byte[] lines, String token) throws HttpInserter.Unavailable, InterruptedException {
        if (lines.length > 0) {
            inserter.insert(lines, lines.length, token);
            inserts.incrementAndGet();
        }
    }

    long inserts() {
        return inserts.get();
    }

    private void send() {
        byte[] buffer = new byte[1 << 20];
        List<Pending> batch = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            int length = first.lines.length;
            long lingerEnd = System.nanoTime() + LINGER_NANOS;
            while (length < MAX_BATCH_BYTES) {
                Pending next = queue.peek();
                if (next == null) {
                    long left = lingerEnd - System.nanoTime();
                    try {
                        next = left > 0 && !closing ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        next = null;
                    }
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    length += next.lines.length;
                    continue;
                }
                if (length + next.lines.length > MAX_BATCH_BYTES) {
                    break;
                }
                Pending taken = queue.poll();
                if (taken == null) {
                    break;
                }
                batch.add(taken);
                length += taken.lines.length;
            }
            if (buffer.length < length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            int at = 0;
            for (Pending p : batch) {
                System.arraycopy(p.lines, 0, buffer, at, p.lines.length);
                at += p.lines.length;
            }
            Throwable failure = null;
            try {
                inserter.insert(buffer, length, name + "-" + UUID.randomUUID());
                inserts.incrementAndGet();
            } catch (InterruptedException e) {
                failure = e;
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
            for (Pending p : batch) {
                room.release(Math.min(p.lines.length, MAX_QUEUED_BYTES));
                if (failure == null) {
                    p.done.complete(null);
                } else {
                    p.done.completeExceptionally(failure);
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Sends what is queued, then stops the senders. */
    @Override
    public void close() {
        closing = true;
        for (Thread sender : senders) {
            try {
                sender.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
