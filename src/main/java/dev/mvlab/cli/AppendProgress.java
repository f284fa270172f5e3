package dev.mvlab.cli;

import dev.mvlab.serve.FileAppend;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** A one-line progress display of {@code mvlab append} on stderr; silent unless the terminal is interactive. */
final class AppendProgress implements Consumer<FileAppend.Progress>, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private int width;

    AppendProgress(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    @Override
    public void accept(FileAppend.Progress progress) {
        if (!enabled) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("%s: %,.1f MB read, %,d rows, %,.0f rows/s", progress.file(),
                progress.bytes() / 1e6, progress.rows(), progress.rows() / Math.max(seconds, 0.001));
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
