package dev.mvlab.cli;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Comparison;
import dev.mvlab.verify.DuplicateKey;
import dev.mvlab.verify.SideRow;
import dev.mvlab.verify.ValueDifference;
import dev.mvlab.verify.Verdict;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints check results: a table of verdicts, then what drifted, with the first examples side by side. */
final class VerificationPrinter {
    private VerificationPrinter() {
    }

    /** One line per check: name, verdict, expected verdict and whether they agree. */
    static void summary(PrintWriter out, List<CheckResult> results, String indent) {
        List<List<Object>> rows = new ArrayList<>();
        for (CheckResult r : results) {
            Comparison c = r.comparison();
            rows.add(List.of(r.check().name(), r.verdict().name(), r.expected().name(),
                    r.asExpected() ? "ok" : "UNEXPECTED", c.mvRows(), c.rawRows()));
        }
        table(out, List.of("check", "verdict", "expected", "result", "mv rows", "raw rows"), rows, indent);
    }

    /** True when both sides were empty: a MATCH that says nothing. */
    static boolean comparedNothing(CheckResult result) {
        return result.comparison().mvRows() == 0 && result.comparison().rawRows() == 0;
    }

    /** A one-line verdict, and for a drift the counts and the examples of each kind of difference. */
    static void details(PrintWriter out, CheckResult result, String indent) {
        Comparison c = result.comparison();
        out.println(indent + result.check().name() + ": " + result.verdict() + " (expected " + result.expected()
                + (result.asExpected() ? ", as expected)" : ", UNEXPECTED)"));
        if (!result.check().description().isBlank()) {
            out.println(indent + "  " + result.check().description().strip().replace("\n", " "));
        }
        if (comparedNothing(result)) {
            out.println(indent + "  0 rows on each side: nothing was compared (is there data in the source yet?)");
            return;
        }
        if (result.verdict() == Verdict.MATCH) {
            out.println(indent + "  " + c.mvRows() + " rows on each side agree");
            return;
        }
        out.println(indent + "  rows: mv " + c.mvRows() + ", raw " + c.rawRows() + "; only in mv " + c.onlyInMv()
                + ", only in raw " + c.onlyInRaw() + ", differing " + c.differingRows()
                + (c.duplicateKeysInMv() + c.duplicateKeysInRaw() > 0 ? ", duplicate keys: mv "
                + c.duplicateKeysInMv() + ", raw " + c.duplicateKeysInRaw() : ""));
        sideRows(out, "only in mv", c.onlyInMv(), c.onlyInMvExamples(), c, indent);
        sideRows(out, "only in raw", c.onlyInRaw(), c.onlyInRawExamples(), c, indent);
        if (!c.differences().isEmpty()) {
            out.println(indent + "  differing values (" + first(c.differences().size(), c.differingValues(), "")
                    + " in " + c.differingRows() + (c.differingRows() == 1 ? " row" : " rows") + "):");
            List<String> columns = new ArrayList<>(c.keyColumns());
            columns.addAll(List.of("column", "mv", "raw"));
            List<List<Object>> rows = new ArrayList<>();
            for (ValueDifference d : c.differences()) {
                List<Object> row = new ArrayList<>(d.key());
                row.add(d.column());
                row.add(d.mvValue());
                row.add(d.rawValue());
                rows.add(row);
            }
            table(out, columns, rows, indent + "    ");
        }
        if (!c.duplicates().isEmpty()) {
            out.println(indent + "  duplicate keys (one row of each was compared):");
            List<String> columns = new ArrayList<>(List.of("side"));
            columns.addAll(c.keyColumns());
            columns.add("rows");
            List<List<Object>> rows = new ArrayList<>();
            for (DuplicateKey d : c.duplicates()) {
                List<Object> row = new ArrayList<>();
                row.add(d.side().label());
                row.addAll(d.key());
                row.add(d.rows());
                rows.add(row);
            }
            table(out, columns, rows, indent + "    ");
        }
    }

    private static void sideRows(PrintWriter out, String title, long count, List<SideRow> examples, Comparison c,
                                 String indent) {
        if (examples.isEmpty()) {
            return;
        }
        out.println(indent + "  " + title + " (" + first(examples.size(), count, "") + "):");
        List<String> columns = new ArrayList<>(c.keyColumns());
        columns.addAll(c.valueColumns());
        List<List<Object>> rows = new ArrayList<>();
        for (SideRow example : examples) {
            List<Object> row = new ArrayList<>(example.key());
            row.addAll(example.values());
            rows.add(row);
        }
        table(out, columns, rows, indent + "    ");
    }

    private static String first(int shown, long total, String unit) {
        String of = unit.isEmpty() ? "" : " " + (total == 1 ? unit.substring(0, unit.length() - 1) : unit);
        return shown == total ? total + of : "first " + shown + " of " + total + of;
    }

    /** An aligned table without the row-count footer. */
    static void table(PrintWriter out, List<String> columns, List<List<Object>> rows, String indent) {
        List<String> types = columns.stream().map(c -> "").toList();
        String rendered = ResultFormat.TABLE.render(new QueryResult(columns, types, rows));
        List<String> lines = rendered.lines().toList();
        lines.subList(0, lines.size() - 1).forEach(line -> out.println(indent + line));
    }
}
