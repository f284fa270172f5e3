package dev.mvlab.bench;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks' load client: Jetty's non-blocking HTTP client with {@code clients} keep-alive connections and
 * {@code clients} calls in flight (a closed loop: each answer starts the next call), so that no thread waits per call
 * and the client is not the bottleneck. Every call is timed from its send to its complete answer; the CPU of the
 * client's own threads is measured apart (the server under test may run in the same JVM).
 */
public final class LoadClients implements AutoCloseable {
    private static final String THREADS = "mvlab-load";
    private final HttpClient http;
    private final int clients;

    /** Calls per second over the whole run, latency percentiles in milliseconds, the failures, the client's CPU. */
    public record Outcome(int requests, double seconds, double perSecond, double p50, double p99, double max,
                          int failures, String firstFailure, double clientCpuSeconds) {
        /** Answers with a status below 300. */
        public int succeeded() {
            return requests - failures;
        }
    }

    public LoadClients(int clients) {
        this.clients = clients;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, Runtime.getRuntime().availableProcessors() * 2), 2);
        threads.setName(THREADS);
        http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(clients);
        http.setMaxRequestsQueuedPerDestination(Math.max(1024, clients * 4));
        http.setFollowRedirects(false);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("the load client did not start: " + e.getMessage(), e);
        }
    }

    /** Builds call {@code index}'s request with the client's {@code http}. */
    @FunctionalInterface
    public interface Call {
        Request request(HttpClient http, int index);
    }

    /** Makes calls {@code 0..count-1}, {@code clients} at a time, through {@code clients} connections. */
    public static Outcome run(int clients, int count, Call call) {
        try (LoadClients load = new LoadClients(clients)) {
            return load.run(count, call);
        }
    }

    /** Makes calls {@code 0..count-1}, {@code clients} at a time; {@code call} builds call i's request. */
    public Outcome run(int count, Call call) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String[] firstFailure = new String[1];
        long[] latencies = new long[count];
        CountDownLatch done = new CountDownLatch(count);
        long cpuBefore = clientCpuNanos();
        long start = System.nanoTime();
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            long t0 = System.nanoTime();
            Request request;
            try {
                request = call.request(http, i);
            } catch (RuntimeException e) {
                fail(failures, firstFailure, e.toString());
                latencies[i] = System.nanoTime() - t0;
                done.countDown();
                sendNext[0].run();
                return;
            }
            request.send(result -> {
                latencies[i] = System.nanoTime() - t0;
                if (result.isFailed()) {
                    fail(failures, firstFailure, String.valueOf(result.getFailure()));
                } else if (result.getResponse().getStatus() >= 300) {
                    fail(failures, firstFailure, "HTTP " + result.getResponse().getStatus());
                }
                done.countDown();
                sendNext[0].run();
            });
        };
        for (int c = 0; c < Math.min(clients, count); c++) {
            sendNext[0].run();
        }
        try {
            if (!done.await(10, TimeUnit.MINUTES)) {
                synchronized (LoadClients.class) {
                    firstFailure[0] = firstFailure[0] != null ? firstFailure[0]
                            : done.getCount() + " calls unanswered after 10 minutes";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(failures, firstFailure, "interrupted");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (clientCpuNanos() - cpuBefore) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int failed = Math.min(count, failures.get() + (int) done.getCount());
        return new Outcome(count, seconds, count / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6, failed, firstFailure[0], cpu);
    }

    private static double percentile(long[] sorted, double share) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * share))] / 1e6;
    }

    /** CPU of the client's threads (names start with {@value THREADS}), or 0 where the JVM cannot tell. */
    private static long clientCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(THREADS)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void fail(AtomicInteger failures, String[] first, String what) {
        if (failures.getAndIncrement() == 0) {
            synchronized (LoadClients.class) {
                first[0] = what.length() > 300 ? what.substring(0, 300) : what;
            }
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception ignored) {
            // stopping a client whose run is over
        }
    }
}
