package dev.mvlab.cli;

import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.ApplyStep;
import dev.mvlab.deploy.CheckIssue;
import dev.mvlab.deploy.CheckResult;
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
            for (ApplyStep step : result.steps()) {
                if (step.action() == ApplyStep.Action.NOT_RUN) {
                    out.println("-- (not run by apply: 'mvlab copy " + step.statement().object() + "' runs it)");
                }
                out.println(step.statement().terminated());
                out.println();
            }
            return;
        }
        for (ApplyStep step : result.steps()) {
            out.println(line(step.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), step.statement()));
        }
        out.printf(Locale.ROOT, "database %s: %d created, %d recreated, %d unchanged%n", result.database(),
                result.count(ApplyStep.Action.CREATED), result.count(ApplyStep.Action.RECREATED),
                result.count(ApplyStep.Action.UNCHANGED));
    }

    static void drop(PrintWriter out, DropResult result) {
        for (DropResult.Step step : result.steps()) {
            out.println(line(step.existed() ? "dropped" : "absent", step.statement()));
        }
        out.printf(Locale.ROOT, "database %s: %d dropped%n", result.database(), result.dropped());
    }

    static void diff(PrintWriter out, DiffResult result) {
        for (ObjectDiff diff : result.objects()) {
            out.printf(Locale.ROOT, "%-10s %-18s %s%n", diff.status().name().toLowerCase(Locale.ROOT), diff.kind(),
                    diff.name());
            diff.details().forEach(d -> out.println("           - " + d));
        }
        out.println(result.clean() ? "database " + result.database() + " matches the files"
                : "database " + result.database() + ": " + result.changes().size() + " difference(s); "
                + "'mvlab apply' creates missing objects");
    }

    static void check(PrintWriter out, PrintWriter err, CheckResult result) {
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
