package dev.mvlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients for the benchmarks: {@code clients} threads make calls {@code 0..count-1} as fast as answers
 * come, and time every call.
 */
public final class LoadClients {
    /** One call: returns the HTTP status. */
    @FunctionalInterface
    interface Call {
        int call(int index) throws Exception;
    }

    /** Calls per second over the whole run, latency percentiles in milliseconds, and the failures. */
    public record Outcome(int requests, double seconds, double perSecond, double p50, double p99, int failures,
                          String firstFailure) {
    }

    private LoadClients() {
    }

    static Outcome run(int clients, int count, Call call) {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        String[] firstFailure = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long t0 = System.nanoTime();
                    try {
                        int status = call.call(i);
                        if (status >= 300) {
                            fail(failures, firstFailure, "HTTP " + status);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        fail(failures, firstFailure, e.toString());
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                fail(failures, firstFailure, e.toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        Arrays.sort(latencies);
        return new Outcome(count, seconds, count / seconds, latencies[(int) (count * 0.50)] / 1e6,
                latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6, failures.get(), firstFailure[0]);
    }

    private static synchronized void fail(AtomicInteger failures, String[] first, String what) {
        if (failures.getAndIncrement() == 0) {
            first[0] = what.length() > 300 ? what.substring(0, 300) : what;
        }
    }
}
