package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Runs each check once per shard of a cluster ({@link ShardScope}): the shards are those holding rows of a
     * Distributed table the check reads ({@code _shard_num}); a check that reads none runs once, as it is. Each result
     * is named {@code check [shard N]} and expects the check's own verdict.
     */
    public VerificationReport verifyPerShard(List<Check> checks, Database db, Set<String> distributedTables) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            Set<String> read = new LinkedHashSet<>(ShardScope.reads(check.mv(), distributedTables));
            read.addAll(ShardScope.reads(check.raw(), distributedTables));
            if (read.isEmpty()) {
                results.add(verify(check, db));
                continue;
            }
            String shards = String.join(" UNION DISTINCT ", read.stream()
                    .map(t -> "SELECT _shard_num AS shard FROM " + SqlLiterals.identifier(t)).toList());
            QueryResult found;
            try {
                found = db.query("SELECT DISTINCT shard FROM (" + shards + ") ORDER BY shard");
            } catch (DatabaseException e) {
                throw new MvlabException(ExitCode.DATABASE, "check '" + check.name() + "': --per-shard reads _shard_num "
                        + "of " + String.join(", ", read) + ", which only a Distributed table has: " + e.getMessage(),
                        "apply the project for a cluster first (--cluster NAME, see docs/clusters.md)");
            }
            for (List<Object> row : found.rows()) {
                int shard = ((Number) row.get(0)).intValue();
                results.add(verify(new ShardScope(distributedTables, shard).narrow(check), db));
            }
        }
        return new VerificationReport(results);
    }

    public VerificationReport verify(List<Check> checks, Database db) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(verify(check, db));
        }
        return new VerificationReport(results);
    }
}
