package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks on a database: asks both queries, compares the rows on their keys and returns the verdicts. Never
 * prints; a query ClickHouse refuses comes back as a {@link dev.mvlab.errors.DatabaseException} naming the check.
 */
public final class Verifier {
    public static final int DEFAULT_EXAMPLES = 10;

    private final int exampleLimit;

    public Verifier() {
        this(DEFAULT_EXAMPLES);
    }

    /**
     * @param exampleLimit how many examples to keep of each kind of difference (the comparison itself runs on the
     *                     server, whatever the number of rows)
     */
    public Verifier(int exampleLimit) {
        this.exampleLimit = exampleLimit;
    }

    /** Runs a check, expecting the verdict it declares. */
    public CheckResult verify(Check check, Database db) {
        return verify(check, check.expect(), db);
    }

    /** Runs a check, expecting {@code expected} (a lesson step may expect DRIFT before a fix and MATCH after it). */
    public CheckResult verify(Check check, Verdict expected, Database db) {
        return new CheckResult(check, expected, new ServerComparator(check, exampleLimit).compare(db));
    }

    public VerificationReport verify(List<Check> checks, Database db) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(verify(check, db));
        }
        return new VerificationReport(results);
    }
}
