package dev.mvlab.serve;

import java.nio.file.Path;

/**
 * One append's batches as {@link FileAppend} cuts them: their size, the tokens they are sent with, how many are
 * stored already (skipped on a resume), and the checkpoint written after each commit (none for stdin).
 */
public final class AppendBatches {
    private AppendCheckpoint checkpoint;
    private final Path path;
    private final AppendCheckpoint start;

    AppendBatches(AppendCheckpoint checkpoint, Path path) {
        this.checkpoint = checkpoint;
        this.start = checkpoint;
        this.path = path;
    }

    /** The checkpoint as it was when this append began (what a resume skips). */
    public AppendCheckpoint start() {
        return start;
    }

    /** What is stored so far, this run included. */
    public AppendCheckpoint current() {
        return checkpoint;
    }

    int batchBytes() {
        return checkpoint.batchBytes();
    }

    /** Batches below this are stored already. */
    long stored() {
        return start.batches();
    }

    String token(long batch) {
        return checkpoint.token(batch);
    }

    void committed(long batches, long lines, long rows, long quarantined) {
        checkpoint = checkpoint.after(batches, lines, rows, quarantined, false);
        if (path != null) {
            checkpoint.write(path);
        }
    }

    void complete() {
        checkpoint = checkpoint.after(checkpoint.batches(), checkpoint.lines(), checkpoint.rows(),
                checkpoint.quarantined(), true);
        if (path != null) {
            checkpoint.write(path);
        }
    }
}
