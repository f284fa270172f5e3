package dev.mvlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long steps without a count of their own (downloading the engine, unpacking it): on a terminal one line per step
 * with its elapsed seconds ticking, finished with the time it took; elsewhere one plain line per step.
 */
final class StepLine implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> ticking;
    private String step;
    private long started;

    StepLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.ticker = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mvlab-step-line");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Ends the current step (if any) and starts showing the next. */
    synchronized void step(String what) {
        finish();
        step = what;
        started = System.nanoTime();
        if (!terminal) {
            err.println("mvlab: " + what);
            err.flush();
            return;
        }
        draw();
        ticking = ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void draw() {
        if (step != null) {
            err.print(String.format(Locale.ROOT, "\rmvlab: %s ... %d s", step, elapsedSeconds()));
            err.flush();
        }
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    private void finish() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (terminal && step != null) {
            err.println(String.format(Locale.ROOT, "\rmvlab: %s ... done in %d s", step, elapsedSeconds()));
            err.flush();
        }
        step = null;
    }

    @Override
    public synchronized void close() {
        finish();
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
