package dev.mvlab.generate;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.ColumnEntry;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Pattern DEDUPLICATION_WINDOW =
            Pattern.compile("non_replicated_deduplication_window\\s*=\\s*(\\d+)");

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
        long serverDefault = -1;
        for (TableEntry target : downstreamTables()) {
            if (!target.engine().contains("MergeTree") || target.engine().startsWith("Replicated")) {
                continue;
            }
            Matcher declared = DEDUPLICATION_WINDOW.matcher(target.createTableQuery());
            long window;
            if (declared.find()) {
                window = Long.parseLong(declared.group(1));
            } else {
                if (serverDefault < 0) {
                    serverDefault = ServerCatalog.of(db).mergeTreeSettingDefault("non_replicated_deduplication_window");
                }
                window = serverDefault;
            }
            if (window <= 0) {
                db.execute("ALTER TABLE " + Identifiers.quote(target.database()) + "." + Identifiers.quote(target.name())
                        + " MODIFY SETTING non_replicated_deduplication_window = " + WINDOW);
                changed.add(target.database().equals(database) ? target.name()
                        : target.database() + "." + target.name());
            }
        }
        return changed;
    }

    /**
     * The landing table and the targets of the materialized views that read from it, transitively. Each database on
     * the way is listed once (one catalog question per database, not one per table).
     */
    List<TableEntry> downstreamTables() {
        ServerCatalog catalog = ServerCatalog.of(db);
        Map<String, Map<String, TableEntry>> byDatabase = new HashMap<>();
        Function<TableEntry.QualifiedName, Optional<TableEntry>> lookup = name -> Optional.ofNullable(byDatabase
                .computeIfAbsent(name.database(), d -> catalog.tables(d).stream()
                        .collect(Collectors.toMap(TableEntry::name, t -> t)))
                .get(name.name()));
        List<TableEntry> result = new ArrayList<>();
        Set<TableEntry.QualifiedName> seen = new HashSet<>();
        Deque<TableEntry.QualifiedName> queue = new ArrayDeque<>();
        queue.add(new TableEntry.QualifiedName(database, table));
        while (!queue.isEmpty()) {
            TableEntry.QualifiedName current = queue.poll();
            if (!seen.add(current)) {
                continue;
            }
            Optional<TableEntry> entry = lookup.apply(current);
            entry.ifPresent(result::add);
            for (TableEntry.QualifiedName view : entry.map(TableEntry::dependencies).orElse(List.of())) {
                lookup.apply(view).filter(TableEntry::isMaterializedView).map(TableEntry::targetTable)
                        .ifPresent(queue::add);
            }
        }
        return result;
    }
}
