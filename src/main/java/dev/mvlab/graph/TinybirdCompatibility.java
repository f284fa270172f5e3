package dev.mvlab.graph;

import dev.mvlab.sql.SqlTokenizer;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tinybird's ClickHouse ran and ClickHouse 26.7 refuses unless a setting allows it, found in the datafiles (one
 * {@link WarningKind#compatibility()} kind each): an AggregatingMergeTree column outside the sorting key,
 * LowCardinality of a number, GROUP BY over Variant/Dynamic/JSON columns, a table function or subquery joined without an alias. The
 * lint says the risk at file:line; {@code render} adds the setting to the one statement that needs it.
 */
public final class TinybirdCompatibility {
    private static final Pattern AGGREGATE_TYPE = Pattern.compile("^\\s*(Simple)?AggregateFunction\\s*\\(");
    /** LowCardinality of a fixed-size type of 8 bytes or less, which ClickHouse calls suspicious. */
    private static final Pattern LOW_CARDINALITY_NUMBER = Pattern.compile(
            "LowCardinality\\s*\\(\\s*(?:Nullable\\s*\\(\\s*)?"
            + "(U?Int(?:8|16|32|64)|Float(?:32|64)|Date|Date32|DateTime|Bool|FixedString\\s*\\(\\s*[1-8]\\s*\\))\\b");
    private static final Pattern DYNAMIC_TYPE = Pattern.compile("\\b(Variant|Dynamic|JSON|Object)\\s*(\\(|$)");
    private static final Pattern GROUP_BY = Pattern.compile("\\bGROUP\\s+BY\\b", Pattern.CASE_INSENSITIVE);
    /** JOIN followed by a table function ({@code numbers(61)}) or a subquery. */
    private static final Pattern JOINED_CALL = Pattern.compile("\\bJOIN\\s+(?:[A-Za-z_][A-Za-z0-9_.]*\\s*)?\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> AFTER_UNALIASED = Set.of("ON", "USING", "WHERE", "PREWHERE", "GROUP", "ORDER",
            "LIMIT", "HAVING", "SETTINGS", "FORMAT", "UNION", "WINDOW", "QUALIFY", "JOIN", "INNER", "LEFT", "RIGHT",
            "FULL", "CROSS", "ANY", "ALL", "ASOF", "SEMI", "ANTI", "GLOBAL", "ARRAY", "PASTE", "FINAL", "SAMPLE",
            "INTERSECT", "EXCEPT");

    private TinybirdCompatibility() {
    }

    /** What a data source's CREATE TABLE needs. */
    public static Set<WarningKind> tableNeeds(DataSource table) {
        Set<WarningKind> needs = EnumSet.noneOf(WarningKind.class);
        if (!outsideSortingKey(table).isEmpty()) {
            needs.add(WarningKind.AGGREGATING_COLUMN_OUTSIDE_KEY);
        }
        if (table.columns().stream().anyMatch(c -> LOW_CARDINALITY_NUMBER.matcher(c.type()).find())) {
            needs.add(WarningKind.LOW_CARDINALITY_NUMBER);
        }
        return needs;
    }

    /** What a query needs; {@code dynamicColumns}: the Variant, Dynamic and JSON columns of what it reads. */
    public static Set<WarningKind> queryNeeds(String sql, Set<String> dynamicColumns) {
        Set<WarningKind> needs = EnumSet.noneOf(WarningKind.class);
        if (groupsDynamic(sql, dynamicColumns) >= 0) {
            needs.add(WarningKind.GROUP_BY_DYNAMIC);
        }
        if (unaliasedJoin(sql) >= 0) {
            needs.add(WarningKind.JOIN_WITHOUT_ALIAS);
        }
        return needs;
    }

    /** The Variant, Dynamic and JSON columns of each data source that has some. */
    static Map<String, Set<String>> dynamicColumns(Project project) {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (DataSource ds : project.datasources()) {
            for (Column c : ds.columns()) {
                if (DYNAMIC_TYPE.matcher(c.type().strip()).find()) {
                    columns.computeIfAbsent(ds.name(), k -> new LinkedHashSet<>()).add(c.name());
                }
            }
        }
        return columns;
    }

    /** The offset of the GROUP BY of a query that names a Variant, Dynamic or JSON column, or -1. */
    static int groupsDynamic(String sql, Set<String> dynamicColumns) {
        Matcher group = GROUP_BY.matcher(sql);
        if (dynamicColumns.isEmpty() || !group.find()) {
            return -1;
        }
        Matcher word = WORD.matcher(sql);
        while (word.find()) {
            if (dynamicColumns.contains(word.group())) {
                return group.start();
            }
        }
        return -1;
    }

    /** The lint of every data source and pipe node, at file:line. */
    static List<Warning> lint(ProjectGraph graph) {
        List<Warning> warnings = new ArrayList<>();
        for (DataSource table : graph.project().datasources()) {
            for (Column column : outsideSortingKey(table)) {
                warnings.add(new Warning(column.location() != null ? column.location() : table.location(),
                        "column `" + column.name() + "` of AggregatingMergeTree " + table.name() + " is neither in "
                                + "the sorting key nor an aggregate state: after merges it holds an arbitrary row's "
                                + "value", WarningKind.AGGREGATING_COLUMN_OUTSIDE_KEY));
            }
            for (Column column : table.columns()) {
                if (LOW_CARDINALITY_NUMBER.matcher(column.type()).find()) {
                    warnings.add(new Warning(column.location() != null ? column.location() : table.location(),
                            "column `" + column.name() + "` is " + column.type().strip() + ": a dictionary for a "
                                    + "fixed-size value costs more than it saves; use the plain type",
                            WarningKind.LOW_CARDINALITY_NUMBER));
                }
            }
        }
        Set<Node> seen = new LinkedHashSet<>();
        List<PipeQuery> queries = new ArrayList<>(graph.nodeChecks());
        graph.objects().stream().filter(o -> o.query() != null).forEach(o -> queries.add(o.query()));
        for (PipeQuery query : queries) {
            for (QueryNode node : query.nodes()) {
                if (!seen.add(node.node())) {
                    continue;
                }
                int group = groupsDynamic(node.sql(), query.dynamicColumns());
                if (group >= 0) {
                    warnings.add(new Warning(GraphErrors.inSql(node.node(), node.sql(), group), "GROUP BY in a "
                            + "query that reads Variant, Dynamic or JSON columns: if a key is such a value, values of "
                            + "different types that print the same fall into separate groups",
                            WarningKind.GROUP_BY_DYNAMIC));
                }
                int join = unaliasedJoin(node.sql());
                if (join >= 0) {
                    warnings.add(new Warning(GraphErrors.inSql(node.node(), node.sql(), join), "a table function "
                            + "or subquery is joined without an alias: its columns cannot be told apart from the "
                            + "other side's; name it (JOIN numbers(10) AS n)", WarningKind.JOIN_WITHOUT_ALIAS));
                }
            }
        }
        return warnings;
    }

    /** The plain columns of an AggregatingMergeTree that its sorting key does not name. */
    static List<Column> outsideSortingKey(DataSource table) {
        if (table.engine() == null || table.definedByPipe()
                || table.engine().engine() != dev.mvlab.model.TableEngine.AGGREGATING_MERGE_TREE) {
            return List.of();
        }
        Set<String> keyWords = new LinkedHashSet<>();
        String key = table.engine().sortingKey() == null ? "" : table.engine().sortingKey();
        Matcher word = WORD.matcher(key.replace("`", ""));
        while (word.find()) {
            keyWords.add(word.group());
        }
        List<Column> outside = new ArrayList<>();
        for (Column column : table.columns()) {
            boolean materialized = column.defaultExpr() != null && column.defaultExpr().strip().toUpperCase(Locale.ROOT)
                    .matches("^(MATERIALIZED|ALIAS|EPHEMERAL)\\b.*");
            if (!AGGREGATE_TYPE.matcher(column.type()).find() && !keyWords.contains(column.name()) && !materialized) {
                outside.add(column);
            }
        }
        return outside;
    }

    /** The offset of the first JOIN of a table function or subquery without an alias, or -1. */
    static int unaliasedJoin(String sql) {
        Matcher m = JOINED_CALL.matcher(sql);
        while (m.find()) {
            int close = closing(sql, m.end() - 1);
            if (close < 0) {
                return -1;
            }
            int i = close + 1;
            while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            Matcher next = WORD.matcher(sql).region(i, sql.length());
            boolean aliased = next.lookingAt() && !AFTER_UNALIASED.contains(next.group().toUpperCase(Locale.ROOT));
            if (!aliased) {
                return m.start();
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open} (strings, quoted names and comments skipped), or -1. */
    private static int closing(String sql, int open) {
        int depth = 0;
        for (SqlTokenizer.Token token : SqlTokenizer.scan(sql.substring(open))) {
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')') && --depth == 0) {
                return open + token.offset();
            }
        }
        return -1;
    }
}
