package dev.mvlab.backfill;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the server says about the tables of a backfill (which exist, their columns, the event-time column, their
 * active parts, which views their inserts fire) and holding their merges.
 */
final class SourceColumns {
    private static final String TIME = "^(LowCardinality\\\\()?(Nullable\\\\()?(Date|Date32|DateTime|DateTime64)\\\\b.*";

    private SourceColumns() {
    }

    static Set<String> tables(Database db) {
        return db.query("SELECT name FROM system.tables WHERE database = ?", db.name()).rows().stream()
                .map(r -> String.valueOf(r.get(0))).collect(Collectors.toSet());
    }

    static boolean isView(Database db, String table) {
        return db.queryLong("SELECT count() FROM system.tables WHERE database = ? AND name = ? AND engine IN "
                + "('View', 'MaterializedView')", db.name(), table) > 0;
    }

    static List<String> of(Database db, String table) {
        return db.query("SELECT name FROM system.columns WHERE database = ? AND table = ? ORDER BY position",
                db.name(), table).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** The active parts of a table, by name: exactly the rows it holds now. */
    static List<String> activeParts(Database db, String table) {
        return db.query("SELECT name FROM system.parts WHERE database = ? AND table = ? AND active ORDER BY name",
                db.name(), table).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** True when inserts into {@code table} fire {@code view} (it is the left-most table of the view's query). */
    static boolean fires(Database db, String table, String view) {
        return db.query("SELECT arrayJoin(dependencies_table) FROM system.tables WHERE database = ? AND name = ?",
                db.name(), table).rows().stream().anyMatch(r -> view.equals(String.valueOf(r.get(0))));
    }

    /** Holds a table's parts as they are: no merge replaces them until {@link #startMerges}. */
    static void stopMerges(Database db, String table) {
        db.execute("SYSTEM STOP MERGES " + Identifiers.quote(db.name()) + "." + Identifiers.quote(table));
    }

    static void startMerges(Database db, String table) {
        db.execute("SYSTEM START MERGES " + Identifiers.quote(db.name()) + "." + Identifiers.quote(table));
    }

    /** The given column when it is a date or time, else the only date or time column of the sorting key. */
    static String eventTime(Database db, String table, String given) {
        List<List<Object>> times = db.query("SELECT name, is_in_sorting_key FROM system.columns WHERE database = ? "
                + "AND table = ? AND match(type, '" + TIME + "') ORDER BY position", db.name(), table).rows();
        List<String> all = times.stream().map(r -> String.valueOf(r.get(0))).toList();
        if (given != null) {
            if (!all.contains(given)) {
                throw new MvlabException(ExitCode.USAGE, table + " has no date or time column '" + given + "'",
                        all.isEmpty() ? null : "its date and time columns: " + String.join(", ", all));
            }
            return given;
        }
        List<String> sorting = times.stream().filter(r -> ((Number) r.get(1)).intValue() != 0)
                .map(r -> String.valueOf(r.get(0))).toList();
        List<String> chosen = sorting.size() == 1 ? sorting : all;
        if (chosen.size() != 1) {
            throw new MvlabException(ExitCode.USAGE, "cannot tell which column of " + table + " holds the event "
                    + "time" + (all.isEmpty() ? " (it has no date or time column)" : ": " + String.join(", ", all)),
                    "name it with --column");
        }
        return chosen.get(0);
    }
}
