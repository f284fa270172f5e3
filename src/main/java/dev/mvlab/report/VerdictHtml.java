package dev.mvlab.report;

import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Comparison;
import dev.mvlab.verify.DuplicateKey;
import dev.mvlab.verify.SideRow;
import dev.mvlab.verify.ValueDifference;
import dev.mvlab.verify.Verdict;

import java.util.ArrayList;
import java.util.List;

/** A verdict as a block: the verdict against the expectation, the counts, and the diff tables with examples. */
final class VerdictHtml {
    private VerdictHtml() {
    }

    static void add(Page page, CheckResult result) {
        Comparison c = result.comparison();
        StringBuilder out = new StringBuilder("<div class=\"verdict\" data-verdict=\"" + result.verdict() + "\">");
        out.append("<h3>").append(Html.escape(result.check().name())).append(": <span class=\"badge ")
                .append(result.verdict()).append("\">").append(result.verdict()).append("</span> ")
                .append(result.asExpected() ? "<span class=\"expected\">expected " + result.expected() + ", as expected"
                        : "<span class=\"unexpected\">expected " + result.expected() + ", UNEXPECTED")
                .append("</span></h3>");
        if (result.check().description() != null) {
            out.append("<p class=\"info\">").append(Html.escape(result.check().description())).append("</p>");
        }
        if (result.verdict() == Verdict.MATCH) {
            out.append("<p class=\"info\">").append(c.mvRows()).append(c.mvRows() == 1 ? " row" : " rows")
                    .append(" on each side agree</p>");
        } else {
            out.append("<p class=\"info\">rows: mv ").append(c.mvRows()).append(", raw ").append(c.rawRows())
                    .append("; only in mv ").append(c.onlyInMv()).append(", only in raw ").append(c.onlyInRaw())
                    .append(", differing ").append(c.differingRows()).append("</p>");
            sideTable(out, "only in mv", c.onlyInMv(), c.onlyInMvExamples(), c);
            sideTable(out, "only in raw", c.onlyInRaw(), c.onlyInRawExamples(), c);
            differences(out, c);
            duplicates(out, c);
        }
        page.add(out.append("</div>\n").toString());
        Charts.drift(result).ifPresent(chart -> page.add("<div class=\"charts\">").chart(chart).add("</div>\n"));
    }

    private static void sideTable(StringBuilder out, String title, long count, List<SideRow> rows, Comparison c) {
        if (count == 0) {
            return;
        }
        out.append("<p class=\"diff-title\">").append(title).append(" (").append(count)
                .append(rows.size() < count ? ", first " + rows.size() : "").append(")</p>");
        List<String> columns = new ArrayList<>(c.keyColumns());
        columns.addAll(c.valueColumns());
        List<List<Object>> table = new ArrayList<>();
        for (SideRow row : rows) {
            List<Object> cells = new ArrayList<>(row.key());
            cells.addAll(row.values());
            table.add(cells);
        }
        out.append(Html.table(columns, table, "diff"));
    }

    private static void differences(StringBuilder out, Comparison c) {
        if (c.differingRows() == 0) {
            return;
        }
        out.append("<p class=\"diff-title\">differing values (").append(c.differingValues()).append(" in ")
                .append(c.differingRows()).append(c.differingRows() == 1 ? " row" : " rows")
                .append(c.differences().size() < c.differingValues() ? ", first " + c.differences().size() : "")
                .append(")</p>");
        List<String> columns = new ArrayList<>(c.keyColumns());
        columns.addAll(List.of("column", "mv", "raw"));
        List<List<Object>> table = new ArrayList<>();
        for (ValueDifference d : c.differences()) {
            List<Object> cells = new ArrayList<>(d.key());
            cells.add(d.column());
            cells.add(d.mvValue());
            cells.add(d.rawValue());
            table.add(cells);
        }
        out.append(Html.table(columns, table, "diff"));
    }

    private static void duplicates(StringBuilder out, Comparison c) {
        if (c.duplicates().isEmpty()) {
            return;
        }
        out.append("<p class=\"diff-title\">duplicate keys (mv ").append(c.duplicateKeysInMv()).append(", raw ")
                .append(c.duplicateKeysInRaw()).append(")</p>");
        List<String> columns = new ArrayList<>(List.of("side"));
        columns.addAll(c.keyColumns());
        columns.add("rows");
        List<List<Object>> table = new ArrayList<>();
        for (DuplicateKey d : c.duplicates()) {
            List<Object> cells = new ArrayList<>(List.of(d.side().label()));
            cells.addAll(d.key());
            cells.add(d.rows());
            table.add(cells);
        }
        out.append(Html.table(columns, table, "diff"));
    }
}
