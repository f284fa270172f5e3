package dev.mvlab.generate;

import dev.mvlab.clickhouse.HttpInserter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inserting side of an ingest: a bounded queue of batches (the generator waits when it is full) drained by a
 * few threads that insert each batch and acknowledge it in the checkpoint. Batch buffers are pooled and reused.
 */
final class BatchPipeline implements AutoCloseable {
    /** Events [from, to) of the stream as NDJSON. */
    record Batch(long from, long to, LineBuffer buffer) {
    }

    /** The engine stopped answering; the message says why. */
    static final class Stopped extends Exception {
        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Batch END = new Batch(-1, -1, null);
    /** A batch is cut at this size even when it has fewer lines than the batch size (bounds the memory). */
    static final int MAX_BATCH_BYTES = 32 << 20;

    private final HttpInserter inserter;
    private final CheckpointTracker tracker;
    private final BlockingQueue<Batch> queue;
    private final BlockingQueue<LineBuffer> pool;
    private final List<Thread> threads = new ArrayList<>();
    private final int buffers;
    private final int capacity;
    private int created;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    BatchPipeline(HttpInserter inserter, CheckpointTracker tracker, BatchSettings settings) {
        this.inserter = inserter;
        this.tracker = tracker;
        this.queue = new ArrayBlockingQueue<>(settings.queue() + settings.inserters()); // + room for the ends
        // one buffer being filled, the queued ones, one per inserter: memory stays below buffers x MAX_BATCH_BYTES
        this.buffers = settings.queue() + settings.inserters() + 1;
        this.pool = new ArrayBlockingQueue<>(buffers);
        this.capacity = (int) Math.min(MAX_BATCH_BYTES + 4096, settings.size() * 128L + 4096);
        for (int i = 0; i < settings.inserters(); i++) {
            Thread thread = new Thread(this::drain, "mvlab-insert-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** An empty buffer for the next batch; waits while all are in use. Called by the generating thread only. */
    LineBuffer borrow() throws Stopped {
        if (pool.isEmpty() && created < buffers) {
            created++;
            return new LineBuffer(capacity);
        }
        try {
            while (true) {
                checkFailure();
                LineBuffer buffer = pool.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted", e);
        }
    }

    /** Queues a batch for insertion; waits while the queue is full. */
    void submit(Batch batch) throws Stopped {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted", e);
        }
    }

    void giveBack(LineBuffer buffer) {
        buffer.clear();
        pool.offer(buffer);
    }

    /** Waits until every queued batch is inserted (or the inserts failed). */
    void finish() throws Stopped {
        try {
            for (int i = 0; i < threads.size(); i++) {
                queue.put(END);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted", e);
        }
        checkFailure();
    }

    private void checkFailure() throws Stopped {
        Throwable problem = failure.get();
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (problem != null) {
            throw new Stopped(problem.getMessage(), problem);
        }
    }

    private void drain() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == END) {
                return;
            }
            try {
                if (failure.get() == null) {
                    String token = Checkpoint.token(tracker.runId(), batch.from(), batch.to());
                    HttpInserter.Sent sent = inserter.insert(batch.buffer().array(), batch.buffer().length(), token);
                    tracker.acknowledge(batch.from(), batch.to());
                    acknowledged.addAndGet(batch.to() - batch.from());
                    batches.incrementAndGet();
                    retries.addAndGet(sent.attempts() - 1L);
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
                return;
            } catch (HttpInserter.Unavailable | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                giveBack(batch.buffer());
            }
        }
    }

    long acknowledgedLines() {
        return acknowledged.get();
    }

    long batches() {
        return batches.get();
    }

    long retries() {
        return retries.get();
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}
