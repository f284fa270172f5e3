package dev.mvlab.backfill;

import java.time.Duration;
import java.util.List;

/**
 * What a cut-off backfill did.
 *
 * @param cutoff       the cut-off in event time as the server prints it, or null when the source was empty
 * @param backfilled   the source rows before the cut-off, which the backfill ran the view's query over
 * @param viaView      the source rows at or past the cut-off so far, which the view itself saw
 * @param waited       how long it waited for the stream to pass the cut-off plus the lateness
 * @param statements   the statements it ran, in order
 */
public record BackfillResult(String view, String source, String target, String column, String cutoff,
                             long backfilled, long viaView, Duration waited, List<String> statements) {
    public BackfillResult {
        statements = List.copyOf(statements);
    }
}
