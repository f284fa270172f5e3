package dev.mvlab.render;

import dev.mvlab.graph.TinybirdCompatibility;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.WarningKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tinybird compatibility settings: the ClickHouse settings under which SQL that Tinybird's ClickHouse accepts runs
 * unchanged on the engine (ClickHouse 26). They are baked into the SELECT of every view, materialized view, copy and
 * endpoint query that needs them, as a trailing {@code SETTINGS} clause, so they hold wherever that SELECT runs:
 * {@code check}, {@code apply}, endpoint reads (a view's SELECT runs with its own clause whatever the caller sets)
 * and materialized-view inserts (an MV's SELECT would otherwise run with whatever settings the inserter has).
 * A setting is added only to queries where it matters, so SQL that does not need it is printed unchanged, and a
 * setting the query already sets is left to the query. A data source's CREATE TABLE gets the settings its columns
 * need (see {@link #table}). Each setting is the narrowest one that makes the statement run as on Tinybird; each goes
 * with a lint warning that says the risk ({@link TinybirdCompatibility}); {@code --strict} refuses such projects.
 */
final class CompatibilitySettings {

    /** One setting, the value Tinybird's behaviour needs, the queries it matters for (null: decided by the lint). */
    private record Setting(String name, String value, Pattern mattersFor) {
    }

    private static final List<Setting> SETTINGS = List.of(
            // JOIN ... USING (x) where x is an alias of the SELECT list (`toDate(ts) AS date ... USING date`): the old
            // analyzer, which Tinybird projects were written against, resolves the alias; the new analyzer (default
            // since ClickHouse 24.3) looks only at the joined tables and refuses the query unless this is 1.
            new Setting("analyzer_compatibility_join_using_top_level_identifier", "1",
                    Pattern.compile("\\bUSING\\b", Pattern.CASE_INSENSITIVE)));

    /** The query settings of the lint kinds a query can need (see {@link TinybirdCompatibility#queryNeeds}). */
    private static final Map<WarningKind, Setting> QUERY_SETTINGS = Map.of(
            // GROUP BY over a Variant/Dynamic value (a JSON path is Dynamic): 26.7 refuses the key unless this is 1;
            // Tinybird's ClickHouse grouped by it.
            WarningKind.GROUP_BY_DYNAMIC, new Setting("allow_suspicious_types_in_group_by", "1", null),
            // JOIN numbers(61) / JOIN (SELECT ...) without an alias: refused since 20.10 unless this is 0; Tinybird's
            // ClickHouse runs such queries (its own settings), and the columns resolve as long as names differ.
            WarningKind.JOIN_WITHOUT_ALIAS, new Setting("joined_subquery_requires_alias", "0", null));

    /** The settings of the lint kinds a CREATE TABLE can need (see {@link TinybirdCompatibility#tableNeeds}). */
    private static final Map<WarningKind, Setting> TABLE_SETTINGS = Map.of(
            // a MergeTree setting, kept with the table: 26.7 refuses plain AggregatingMergeTree columns outside the
            // sorting key (after merges they hold an arbitrary row's value; Tinybird's ClickHouse allowed them).
            WarningKind.AGGREGATING_COLUMN_OUTSIDE_KEY, new Setting("allow_dimensions_outside_sorting_key", "1", null),
            // a query setting of this CREATE only: LowCardinality(UInt64) and other fixed-size types of 8 bytes or
            // less are refused unless this is 1; Tinybird's ClickHouse created them.
            WarningKind.LOW_CARDINALITY_NUMBER, new Setting("allow_suspicious_low_cardinality_types", "1", null));

    /** A trailing {@code SETTINGS a = 1, b = 'x'} clause at the very end of a query. */
    private static final Pattern TRAILING_SETTINGS = Pattern.compile(
            "\\bSETTINGS((?:\\s*,?\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*(?:'[^']*'|[A-Za-z0-9_.+-]+))+)\\s*\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+\\z");

    private CompatibilitySettings() {
    }

    /** The settings (as {@code name = value}) a data source's CREATE TABLE needs, in a stable order. */
    static List<String> table(DataSource table) {
        Set<WarningKind> needs = TinybirdCompatibility.tableNeeds(table);
        return TABLE_SETTINGS.entrySet().stream().filter(e -> needs.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().name() + " = " + e.getValue().value()).toList();
    }

    /** The query with the compatibility settings it needs; the query itself when it needs none. */
    static String apply(String query) {
        return apply(query, Set.of());
    }

    /**
     * The query with the compatibility settings it needs; {@code dynamicColumns}: the Variant, Dynamic and JSON
     * columns of the data sources it reads.
     */
    static String apply(String query, Set<String> dynamicColumns) {
        List<Setting> needed = new ArrayList<>(SETTINGS.stream().filter(s -> s.mattersFor().matcher(query).find())
                .toList());
        for (WarningKind kind : TinybirdCompatibility.queryNeeds(query, dynamicColumns)) {
            needed.add(QUERY_SETTINGS.get(kind));
        }
        if (needed.isEmpty()) {
            return query;
        }
        String sql = TRAILING_SEMICOLONS.matcher(query).replaceAll("");
        Matcher trailing = TRAILING_SETTINGS.matcher(sql);
        String existing = trailing.find() ? trailing.group(1).toLowerCase(Locale.ROOT) : null;
        List<String> items = new ArrayList<>();
        for (Setting setting : needed) {
            if (existing == null || !Pattern.compile("\\b" + setting.name() + "\\s*=").matcher(existing).find()) {
                items.add(setting.name() + " = " + setting.value());
            }
        }
        if (items.isEmpty()) {
            return sql;
        }
        // on a new line, so a trailing line comment cannot swallow it
        return sql + (existing == null ? "\nSETTINGS " : ",\n    ") + String.join(", ", items);
    }
}
