package dev.mvlab.generate;

import java.time.Duration;

/** A progress report during a run: lines generated and acknowledged so far in this run. */
public record Progress(long generated, long acknowledged, Duration elapsed) {
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : acknowledged / seconds;
    }

    /** Receives progress about twice a second, on the generating thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> {
        };

        void progress(Progress progress);
    }
}
