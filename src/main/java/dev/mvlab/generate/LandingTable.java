package dev.mvlab.generate;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.ColumnEntry;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The landing table on the server, as the generator needs it: it must exist with the data source's columns, and
 * it and every table fed from it by materialized views must deduplicate retried insert blocks.
 *
 * <p>Retried batches carry an {@code insert_deduplication_token}. Non-replicated MergeTree tables only honour it
 * when their {@code non_replicated_deduplication_window} is above 0 (the default is 0), so {@link
 * #ensureDeduplication} raises it to {@value #WINDOW} on the landing table and on the target tables of all
 * materialized views downstream; the inserts set {@code deduplicate_blocks_in_dependent_materialized_views=1}, so
 * a retried batch that the landing table already holds is still offered to the views, and each target keeps or
 * drops it by its own token. The window counts blocks, not rows: the stream's own duplicate lines always land.
 */
public final class LandingTable {
    public static final int WINDOW = 1000;

    private final Database db;
    private final String database;
    private final String table;

    public LandingTable(Database db, String table) {
        this.db = db;
        this.database = db.name();
        this.table = table;
    }

    /** The table's column types by name; fails with a hint to run {@code mvlab apply} when it is missing. */
    public Map<String, String> columnTypes(DataSource datasource) {
        List<ColumnEntry> rows = columnsOf(db, table, datasource.name());
        if (rows.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, "the landing table " + database + "." + table
                    + " does not exist", "create it from " + datasource.name() + ".datasource first: mvlab apply"
                    + (database.equals("default") ? "" : " (into database " + database + ")"));
        }
        Map<String, String> types = new LinkedHashMap<>();
        rows.forEach(column -> types.put(column.name(), column.type()));
        List<String> missing = new ArrayList<>();
        datasource.columns().stream().filter(c -> c.jsonPath() != null && !types.containsKey(c.name()))
                .forEach(c -> missing.add(c.name()));
        if (!missing.isEmpty()) {
            throw new MvlabException(ExitCode.DATABASE, "the landing table " + database + "." + table
                    + " has no column " + String.join(", ", missing) + " although " + datasource.name()
                    + ".datasource declares it", "the table is older than the datafile: mvlab apply");
        }
        return types;
    }

    /** The table's columns (name, type); a missing database fails like a missing table, with the same hint. */
    static List<ColumnEntry> columnsOf(Database db, String table, String datafile) {
        try {
            return ServerCatalog.of(db).columns(db.name(), table);
        } catch (dev.mvlab.errors.DatabaseException e) {
            if (e.getMessage().contains("UNKNOWN_DATABASE")) {
                throw new MvlabException(ExitCode.DATABASE, "the database " + db.name() + " does not exist, so "
                        + "neither does the table " + table, "create it from " + datafile + " first: mvlab apply"
                        + " --database " + db.name());
            }
            throw e;
        }
    }

    /**
     * Makes the landing table and all materialized-view targets downstream deduplicate token-carrying inserts.
     * Returns the tables whose window was raised (empty when all had one).
     */
    public List<String> ensureDeduplication() {
        List<String> changed = new ArrayList<>();
        for (String[] target : downstreamTables()) {
            String engine = ServerCatalog.of(db).table(target[0], target[1]).map(TableEntry::engine).orElse("");
            if (!engine.contains("MergeTree") || engine.startsWith("Replicated")) {
                continue;
            }
            String name = Identifiers.quote(target[0]) + "." + Identifiers.quote(target[1]);
            long window = windowOf(target[0], target[1]);
            if (window <= 0) {
                db.execute("ALTER TABLE " + name + " MODIFY SETTING non_replicated_deduplication_window = " + WINDOW);
                changed.add(target[0].equals(database) ? target[1] : target[0] + "." + target[1]);
            }
        }
        return changed;
    }

    private long windowOf(String db2, String name) {
        String create = ServerCatalog.of(db).table(db2, name).map(TableEntry::createTableQuery).orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("non_replicated_deduplication_window\\s*=\\s*(\\d+)")
                .matcher(create);
        return m.find() ? Long.parseLong(m.group(1))
                : ServerCatalog.of(db).mergeTreeSettingDefault("non_replicated_deduplication_window");
    }

    /** The landing table and the targets of the materialized views that read from it, transitively. */
    List<String[]> downstreamTables() {
        List<String[]> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[]{database, table});
        while (!queue.isEmpty()) {
            String[] current = queue.poll();
            if (!seen.add(current[0] + "." + current[1])) {
                continue;
            }
            result.add(current);
            ServerCatalog catalog = ServerCatalog.of(db);
            List<TableEntry.QualifiedName> views = catalog.table(current[0], current[1])
                    .map(TableEntry::dependencies).orElse(List.of());
            for (TableEntry.QualifiedName view : views) {
                catalog.table(view.database(), view.name()).filter(TableEntry::isMaterializedView)
                        .map(TableEntry::targetTable)
                        .ifPresent(target -> queue.add(new String[]{target.database(), target.name()}));
            }
        }
        return result;
    }
}
