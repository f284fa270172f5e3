package dev.mvlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tinybird compatibility settings: the ClickHouse settings under which SQL that Tinybird's ClickHouse accepts runs
 * unchanged on the engine (ClickHouse 26). They are baked into the SELECT of every view, materialized view, copy and
 * endpoint query that needs them, as a trailing {@code SETTINGS} clause, so they hold wherever that SELECT runs:
 * {@code check}, {@code apply}, endpoint reads (a view's SELECT runs with its own clause whatever the caller sets)
 * and materialized-view inserts (an MV's SELECT would otherwise run with whatever settings the inserter has).
 * A setting is added only to queries where it matters, so SQL that does not need it is printed unchanged, and a
 * setting the query already sets is left to the query.
 */
final class CompatibilitySettings {

    /** One setting, with the value Tinybird's behaviour needs and the queries it matters for. */
    private record Setting(String name, String value, Pattern mattersFor) {
    }

    private static final List<Setting> SETTINGS = List.of(
            // JOIN ... USING (x) where x is an alias of the SELECT list (`toDate(ts) AS date ... USING date`): the old
            // analyzer, which Tinybird projects were written against, resolves the alias; the new analyzer (default
            // since ClickHouse 24.3) looks only at the joined tables and refuses the query unless this is 1.
            new Setting("analyzer_compatibility_join_using_top_level_identifier", "1",
                    Pattern.compile("\\bUSING\\b", Pattern.CASE_INSENSITIVE)));

    /** A trailing {@code SETTINGS a = 1, b = 'x'} clause at the very end of a query. */
    private static final Pattern TRAILING_SETTINGS = Pattern.compile(
            "\\bSETTINGS((?:\\s*,?\\s*[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*(?:'[^']*'|[A-Za-z0-9_.+-]+))+)\\s*\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+\\z");

    private CompatibilitySettings() {
    }

    /** The query with the compatibility settings it needs; the query itself when it needs none. */
    static String apply(String query) {
        List<Setting> needed = SETTINGS.stream().filter(s -> s.mattersFor().matcher(query).find()).toList();
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
