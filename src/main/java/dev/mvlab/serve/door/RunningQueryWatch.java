package dev.mvlab.serve.door;

import org.eclipse.jetty.io.EndPoint;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the requests whose queries are running, a few times a second: one past its time limit, or whose client
 * has closed the connection, gets its query cancelled (the cancel runs on a thread of its own).
 */
final class RunningQueryWatch implements AutoCloseable {
    static final Duration EVERY = Duration.ofMillis(250);

    private final Set<ServedRequest> requests = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "mvlab-serve-watch"));
    private final ExecutorService cancels = Executors.newCachedThreadPool(r -> daemon(r, "mvlab-serve-cancel"));

    RunningQueryWatch() {
        timer.scheduleWithFixedDelay(this::tick, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching the request served on this thread; {@link #end} it in a finally block. */
    ServedRequest begin(Duration limit, EndPoint client) {
        ServedRequest request = new ServedRequest(limit, client, cancels);
        requests.add(request);
        ServedRequest.bind(request);
        return request;
    }

    void end(ServedRequest request) {
        requests.remove(request);
        ServedRequest.bind(null);
    }

    private void tick() {
        long now = System.nanoTime();
        for (ServedRequest request : requests) {
            try {
                if (request.watched()) {
                    request.check(now);
                }
            } catch (RuntimeException e) {
                // one request's failure must not stop the watch of the others
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        cancels.shutdown();
    }
}
