package dev.mvlab.cli;

import dev.mvlab.serve.FileAppend;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** The progress of {@code mvlab append}, drawn by a {@link ProgressLine} (silent unless the terminal is interactive). */
final class AppendProgress implements Consumer<FileAppend.Progress>, AutoCloseable {
    private final ProgressLine line;
    private final long started = System.nanoTime();

    AppendProgress(PrintWriter err) {
        this.line = new ProgressLine(err);
    }

    @Override
    public void accept(FileAppend.Progress progress) {
        double seconds = (System.nanoTime() - started) / 1e9;
        line.text(String.format("%s: %,.1f MB read, %,d rows, %,.0f rows/s", progress.file(),
                progress.bytes() / 1e6, progress.rows(), progress.rows() / Math.max(seconds, 0.001)));
    }

    @Override
    public void close() {
        line.close();
    }
}
