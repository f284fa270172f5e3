package dev.mvlab.serve.door;

import dev.mvlab.net.ClientProbe;
import org.eclipse.jetty.io.EndPoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A request the door let through, as the code that runs queries for it sees it: the time limit its queries run
 * under, and a place to say how to cancel the query in flight. The door's {@link RunningQueryWatch} runs that cancel when
 * the time is up or the client has gone.
 */
public final class ServedRequest {
    private static final ThreadLocal<ServedRequest> CURRENT = new ThreadLocal<>();

    private final Duration limit;
    private final long deadlineNanos;
    private final ClientProbe client;
    private final Executor runner;
    private final List<Runnable> cancels = new CopyOnWriteArrayList<>();
    private volatile Ending ending;

    /** Why a request's query was cancelled. */
    public enum Ending { TIMED_OUT, CLIENT_LEFT }

    ServedRequest(Duration limit, EndPoint client, Executor runner) {
        this.runner = runner;
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.client = new ClientProbe(client);
    }

    /** The request served on this thread, when it came through the door. */
    public static Optional<ServedRequest> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(ServedRequest request) {
        if (request == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(request);
        }
    }

    /** How long a query of this request may run: send it to ClickHouse too ({@code max_execution_time}). */
    public Duration limit() {
        return limit;
    }

    /**
     * Runs {@code cancel} if the request's time is up or its client leaves while the returned registration is open;
     * open it once the request body has been read, around the call that waits for the query.
     */
    public Registration whileRunning(Runnable cancel) {
        cancels.add(cancel);
        return () -> cancels.remove(cancel);
    }

    /** Why the query was cancelled, or null when it was not. */
    public Ending ending() {
        return ending;
    }

    /** An open registration of {@link #whileRunning}. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    boolean watched() {
        return !cancels.isEmpty();
    }

    /** Bytes were read from the client while watching it: the connection must close after the answer. */
    boolean readAhead() {
        return client.readAhead();
    }

    /** Called by the watch: cancels the running query when the time is up or the client closed its connection. */
    synchronized void check(long nowNanos) {
        if (ending != null || cancels.isEmpty()) {
            return;
        }
        if (nowNanos - deadlineNanos > 0) {
            end(Ending.TIMED_OUT);
        } else if (client.gone()) {
            end(Ending.CLIENT_LEFT);
        }
    }

    private void end(Ending why) {
        ending = why;
        cancels.forEach(runner::execute);
    }
}
