package dev.mvlab.report;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.lesson.StepKind;
import dev.mvlab.lesson.StepOutcome;
import dev.mvlab.lesson.StepOutput;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Comparison;
import dev.mvlab.verify.SideRow;
import dev.mvlab.verify.ValueDifference;
import dev.mvlab.verify.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The charts a page draws from a run's own results. */
public final class Charts {
    /** Keys shown at most in a drift chart. */
    static final int MAX_KEYS = 12;

    private Charts() {
    }

    /**
     * A {@code compare_speed} step's median times and rows read, the view against the raw table: two charts of
     * two bars. Empty for any other step.
     */
    public static List<Chart> speed(StepOutcome step) {
        if (step.kind() != StepKind.COMPARE_SPEED) {
            return List.of();
        }
        Optional<QueryResult> table = step.outputs().stream().filter(StepOutput.Rows.class::isInstance)
                .map(o -> ((StepOutput.Rows) o).result()).findFirst();
        if (table.isEmpty() || table.get().rows().size() != 2) {
            return List.of();
        }
        QueryResult result = table.get();
        List<String> sides = result.rows().stream().map(r -> r.get(0).toString()).toList();
        return List.of(column(result, "median ms", "Median query time", "ms", sides),
                column(result, "rows read", "Rows read", "rows", sides));
    }

    private static Chart column(QueryResult result, String column, String title, String unit, List<String> sides) {
        int index = result.columnIndex(column);
        List<Double> values = result.rows().stream().map(r -> number(r.get(index))).toList();
        return new Chart(title, unit, sides, List.of(new Chart.Series(title, values)), true);
    }

    /**
     * A DRIFT verdict's first numeric column that differs, per key: what the view holds against what the raw data
     * says (a key missing on one side draws no bar there). Empty when nothing numeric differs.
     */
    public static Optional<Chart> drift(CheckResult result) {
        Comparison c = result.comparison();
        if (result.verdict() != Verdict.DRIFT) {
            return Optional.empty();
        }
        Optional<String> column = c.differences().stream()
                .filter(d -> number(d.mvValue()) != null && number(d.rawValue()) != null)
                .map(ValueDifference::column).findFirst();
        if (column.isEmpty()) {
            column = c.valueColumns().stream().filter(name -> sideValues(c.onlyInRawExamples(), c, name)
                    .anyMatch(v -> v != null)).findFirst();
        }
        if (column.isEmpty()) {
            return Optional.empty();
        }
        String name = column.get();
        Map<String, Double[]> byKey = new LinkedHashMap<>();
        for (ValueDifference d : c.differences()) {
            if (d.column().equals(name)) {
                byKey.put(key(d.key()), new Double[] {number(d.mvValue()), number(d.rawValue())});
            }
        }
        int index = c.valueColumns().indexOf(name);
        if (index >= 0) {
            c.onlyInMvExamples().forEach(r -> byKey.putIfAbsent(key(r.key()), new Double[] {value(r, index), null}));
            c.onlyInRawExamples().forEach(r -> byKey.putIfAbsent(key(r.key()), new Double[] {null, value(r, index)}));
        }
        List<String> labels = new ArrayList<>();
        List<Double> mv = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        byKey.entrySet().stream().limit(MAX_KEYS).forEach(e -> {
            labels.add(e.getKey());
            mv.add(e.getValue()[0]);
            raw.add(e.getValue()[1]);
        });
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chart(result.check().name() + ": " + name + " per key", name, labels,
                List.of(new Chart.Series("mv", mv), new Chart.Series("raw", raw)), false));
    }

    private static Stream<Double> sideValues(List<SideRow> rows, Comparison c, String column) {
        int index = c.valueColumns().indexOf(column);
        return rows.stream().map(r -> index < 0 ? null : value(r, index));
    }

    private static Double value(SideRow row, int index) {
        return index < row.values().size() ? number(row.values().get(index)) : null;
    }

    private static String key(List<Object> key) {
        return String.join(" / ", key.stream().map(String::valueOf).toList());
    }

    /** A value as a number, or null when it is none (a Number, or text holding one). */
    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
