package dev.mvlab.backfill;

import java.time.Duration;

/**
 * How a cut-off backfill chooses and waits.
 *
 * @param column   the source's event-time column, or null to take the only Date/DateTime column of its sorting key
 * @param lateness how far behind the newest event a row may still arrive (event time); the backfill starts once the
 *                 source's newest event is this far past the cut-off
 * @param margin   the least distance between the newest event and the cut-off (event time); mvlab widens it to
 *                 10 seconds of the stream's own pace, so no row at or past the cut-off lands before the view exists
 * @param idle     a source that receives no insert for this long is taken as stopped: the backfill starts then
 */
public record BackfillOptions(String column, Duration lateness, Duration margin, Duration idle) {
    public static final BackfillOptions DEFAULT = new BackfillOptions(null, Duration.ofMinutes(10),
            Duration.ofMinutes(1), Duration.ofSeconds(5));
}
