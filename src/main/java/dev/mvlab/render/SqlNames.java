package dev.mvlab.render;

import dev.mvlab.clickhouse.Identifiers;

import java.util.Locale;
import java.util.Set;

/**
 * Names as they go into SQL. Plain names stay bare; other names are backquoted and escaped by
 * {@link Identifiers#quote}, so no name can end a statement or inject one. In a column list, the words that start an
 * index, projection or constraint are quoted too: {@code index String} would not parse as a column.
 */
final class SqlNames {
    private static final Set<String> COLUMN_LIST_KEYWORDS = Set.of("INDEX", "PROJECTION", "CONSTRAINT");

    private SqlNames() {
    }

    static String name(String name) {
        return Identifiers.quote(name);
    }

    static String column(String name) {
        if (COLUMN_LIST_KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return "`" + name + "`";
        }
        return Identifiers.quote(name);
    }
}
