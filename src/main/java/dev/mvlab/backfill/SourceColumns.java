package dev.mvlab.backfill;

import dev.mvlab.clickhouse.ColumnEntry;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
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
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "^(LowCardinality\\()?(Nullable\\()?(Date|Date32|DateTime|DateTime64)\\b.*");

    private SourceColumns() {
    }

    static Set<String> tables(Database db) {
        return ServerCatalog.of(db).tables(db.name()).stream().map(TableEntry::name).collect(Collectors.toSet());
    }

    static boolean isView(Database db, String table) {
        return ServerCatalog.of(db).table(db.name(), table).map(TableEntry::isView).orElse(false);
    }

    static List<String> of(Database db, String table) {
        return ServerCatalog.of(db).columns(db.name(), table).stream().map(ColumnEntry::name).toList();
    }

    /** The active parts of a table, by name: exactly the rows it holds now. */
    static List<String> activeParts(Database db, String table) {
        return ServerCatalog.of(db).activeParts(db.name(), table);
    }

    /** True when inserts into {@code table} fire {@code view} (it is the left-most table of the view's query). */
    static boolean fires(Database db, String table, String view) {
        return ServerCatalog.of(db).table(db.name(), table).stream().flatMap(t -> t.dependencies().stream())
                .anyMatch(d -> d.name().equals(view));
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
        List<ColumnEntry> times = ServerCatalog.of(db).columns(db.name(), table).stream()
                .filter(c -> TIME.matcher(c.type()).matches()).toList();
        List<String> all = times.stream().map(ColumnEntry::name).toList();
        if (given != null) {
            if (!all.contains(given)) {
                throw new MvlabException(ExitCode.USAGE, table + " has no date or time column '" + given + "'",
                        all.isEmpty() ? null : "its date and time columns: " + String.join(", ", all));
            }
            return given;
        }
        List<String> sorting = times.stream().filter(ColumnEntry::inSortingKey).map(ColumnEntry::name).toList();
        List<String> chosen = sorting.size() == 1 ? sorting : all;
        if (chosen.size() != 1) {
            throw new MvlabException(ExitCode.USAGE, "cannot tell which column of " + table + " holds the event "
                    + "time" + (all.isEmpty() ? " (it has no date or time column)" : ": " + String.join(", ", all)),
                    "name it with --column");
        }
        return chosen.get(0);
    }
}
