package dev.mvlab.backfill;

/** Hears how a backfill gets on (the CLI shows it on a terminal). */
public interface BackfillListener {
    BackfillListener NONE = message -> {
    };

    /** A one-line state of the work, replacing the previous one. */
    void progress(String message);
}
