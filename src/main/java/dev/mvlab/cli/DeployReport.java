package dev.mvlab.cli;

import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.CheckIssue;
import dev.mvlab.deploy.ProjectCheckResult;
import dev.mvlab.deploy.CopyResult;
import dev.mvlab.deploy.DiffResult;
import dev.mvlab.deploy.DropResult;
import dev.mvlab.deploy.ObjectDiff;
import dev.mvlab.render.Statement;

import java.io.PrintWriter;
import java.util.Locale;

/** How the deploy results read on the terminal. */
final class DeployReport {
    private DeployReport() {
    }

    static void apply(PrintWriter out, ApplyResult result) {
        if (result.dryRun()) {
            out.println("-- dry run: nothing was run; apply would consider these statements in this order"
                    + " (database " + result.database() + ")");
            out.println();
            for (AppliedStatement step : result.steps()) {
                if (step.action() == AppliedStatement.Action.NOT_RUN) {
                    out.println("-- (not run by apply: 'mvlab copy " + step.statement().object() + "' runs it)");
                }
                out.println(step.statement().terminated());
                out.println();
            }
            return;
        }
        for (AppliedStatement step : result.steps()) {
            out.println(line(step.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), step.statement()));
        }
        long altered = result.count(AppliedStatement.Action.ALTERED);
        out.printf(Locale.ROOT, "database %s: %d created, %d recreated, %s%d unchanged%n", result.database(),
                result.count(AppliedStatement.Action.CREATED), result.count(AppliedStatement.Action.RECREATED),
                altered > 0 ? altered + " altered in place, " : "", result.count(AppliedStatement.Action.UNCHANGED));
    }

    static void drop(PrintWriter out, DropResult result) {
        for (DropResult.Step step : result.steps()) {
            out.println(line(step.existed() ? "dropped" : "absent", step.statement()));
        }
        out.printf(Locale.ROOT, "database %s: %d dropped%n", result.database(), result.dropped());
    }

    /** True when the objects the files define are all there as defined (and, when strict, nothing else is). */
    static boolean clean(DiffResult result, boolean strict) {
        return strict ? result.clean() : result.changes().stream().allMatch(o -> o.status() == ObjectDiff.Status.EXTRA);
    }

    static void diff(PrintWriter out, DiffResult result, boolean strict) {
        for (ObjectDiff diff : result.objects()) {
            boolean other = diff.status() == ObjectDiff.Status.EXTRA;
            out.printf(Locale.ROOT, "%-10s %-18s %s%s%n", other ? "other" : diff.status().name().toLowerCase(Locale.ROOT),
                    diff.kind(), diff.name(), other ? "  (not defined by these files)" : "");
            diff.details().forEach(d -> out.println("           - " + d));
        }
        long missing = count(result, ObjectDiff.Status.MISSING);
        long different = count(result, ObjectDiff.Status.DIFFERENT);
        long others = count(result, ObjectDiff.Status.EXTRA);
        StringBuilder summary = new StringBuilder("database " + result.database() + ": ");
        if (missing + different == 0) {
            summary.append("the project's objects match the files");
        } else {
            summary.append(missing).append(" missing, ").append(different).append(" defined differently");
        }
        if (others > 0) {
            summary.append("; ").append(others).append(others == 1 ? " other object" : " other objects")
                    .append(strict ? " (counted: --strict)" : " (not the project's: left alone)");
        }
        out.println(summary);
        if (missing > 0) {
            out.println("hint: 'mvlab apply' creates the missing objects");
        }
        if (different > 0) {
            out.println("hint: 'mvlab apply --recreate' replaces views and empty tables defined differently");
        }
    }

    private static long count(DiffResult result, ObjectDiff.Status status) {
        return result.objects().stream().filter(o -> o.status() == status).count();
    }

    static void check(PrintWriter out, PrintWriter err, ProjectCheckResult result) {
        for (CheckIssue issue : result.issues()) {
            err.println("error: " + issue);
        }
        result.lint().forEach(err::println);
        if (!result.engineChecked()) {
            out.println("files ok: " + result.statements() + " statements render; the engine is not running, so "
                    + "ClickHouse did not validate them (start it with 'mvlab engine start')");
        } else if (result.ok()) {
            out.println("ok: ClickHouse accepted all " + result.statements() + " statements and pipe nodes (in a "
                    + "throwaway database)");
        } else {
            out.println(result.issues().size() + " statement(s) refused, " + result.skipped()
                    + " not tried because they depend on them");
        }
    }

    static void copy(PrintWriter out, CopyResult result) {
        out.printf(Locale.ROOT, "copied %d rows into %s%s (now %d rows)%n", result.rowsWritten(), result.target(),
                result.replaced() ? " (replaced)" : "", result.rowsAfter());
    }

    private static String line(String action, Statement statement) {
        return String.format(Locale.ROOT, "%-10s %-26s %s", action, statement.object(), statement.source());
    }
}
