package dev.mvlab.generate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run delivered.
 *
 * @param target       where the lines went: {@code db.table} or a file name, {@code stdout}
 * @param events       lines delivered (acknowledged by ClickHouse, or written) in this run
 * @param duplicates   of which exact resends
 * @param late         of which late (timestamp behind the simulated clock)
 * @param actions      lines per action
 * @param resumedFrom  the stream position this run started at (0 unless resumed)
 * @param position     the stream position after the run: the next run with --resume starts there
 * @param notes        things the user should know, such as settings changed on tables
 */
public record GenerateResult(String target, long seed, long events, long duplicates, long late,
                             Map<Action, Long> actions, long batches, long retries, Duration elapsed,
                             long resumedFrom, long position, List<String> notes) {

    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : events / seconds;
    }
}
