package dev.mvlab.serve;

import dev.mvlab.engine.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * The DDL of a quarantine table: Tinybird's documented columns ({@code c__error_column}, {@code c__error},
 * {@code c__import_id}, {@code insertion_date}), every data source column as {@code Nullable(String)}, and the
 * original line. Interim: the project's one definition of the quarantine table replaces it when it lands.
 */
final class QuarantineTable {
    static final String ORIGINAL = "c__original_line";

    private QuarantineTable() {
    }

    static String create(String database, String table, List<String> columns) {
        List<String> lines = new ArrayList<>();
        lines.add("`c__error_column` Array(String)");
        lines.add("`c__error` Array(String)");
        lines.add("`c__import_id` Nullable(String)");
        for (String column : columns) {
            lines.add(Identifiers.quote(column) + " Nullable(String)");
        }
        lines.add(Identifiers.quote(ORIGINAL) + " String");
        lines.add("`insertion_date` DateTime DEFAULT now()");
        return "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(database) + "." + Identifiers.quote(table) + " (\n  "
                + String.join(",\n  ", lines) + "\n) ENGINE = MergeTree ORDER BY insertion_date";
    }
}
