package dev.mvlab.cli;

import dev.mvlab.generate.Progress;

import java.io.PrintWriter;

/** A one-line progress display on stderr, redrawn in place; silent unless the terminal is interactive. */
final class ProgressLine implements Progress.Listener, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    @Override
    public void progress(Progress progress) {
        if (!enabled) {
            return;
        }
        text(String.format("%,d generated, %,d delivered, %,.0f events/s, %.0f s", progress.generated(),
                progress.acknowledged(), progress.rate(), progress.elapsed().toMillis() / 1000.0));
    }

    /** Any one-line state, drawn over the previous one. */
    void text(String line) {
        if (!enabled) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    @Override
    public void close() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
