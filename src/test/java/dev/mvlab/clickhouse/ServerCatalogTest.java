package dev.mvlab.clickhouse;

import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, item 1: every question mvlab asks of ClickHouse's system tables, answered as records on a real engine. */
@ExtendWith(ClickHouseExtension.class)
class ServerCatalogTest {

    private static void events(Database db) {
        for (String old : List.of("recent", "totals_mv", "totals", "events")) {
            db.execute("DROP TABLE IF EXISTS " + old);
        }
        db.execute("CREATE TABLE events (ts DateTime, id UInt64, price Float64 CODEC(ZSTD(1)), "
                + "day Date MATERIALIZED toDate(ts)) ENGINE = MergeTree ORDER BY (ts, id)");
        db.execute("CREATE TABLE totals (id UInt64, n UInt64) ENGINE = SummingMergeTree ORDER BY id");
        db.execute("CREATE MATERIALIZED VIEW totals_mv TO totals AS SELECT id, count() AS n FROM events GROUP BY id");
        db.execute("CREATE VIEW recent AS SELECT * FROM events WHERE ts > now() - 60");
    }

    @Test
    void tablesTellTheirEngineRowsViewsTheyFireAndTargets(Database db) {
        events(db);
        db.execute("INSERT INTO events (ts, id, price) VALUES (now(), 1, 2.5), (now(), 2, 3)");
        ServerCatalog catalog = ServerCatalog.of(db);

        Map<String, TableEntry> tables = catalog.tables(db.name()).stream()
                .collect(Collectors.toMap(TableEntry::name, t -> t));
        assertThat(tables).containsOnlyKeys("events", "totals", "totals_mv", "recent");
        TableEntry events = tables.get("events");
        assertThat(events.engine()).isEqualTo("MergeTree");
        assertThat(events.totalRows()).isEqualTo(2);
        assertThat(events.createTableQuery()).startsWith("CREATE TABLE " + db.name() + ".events");
        assertThat(events.dependencies()).containsExactly(new TableEntry.QualifiedName(db.name(), "totals_mv"));
        assertThat(events.uuid()).matches("[0-9a-f-]{36}");
        assertThat(events.isView()).isFalse();
        TableEntry view = tables.get("totals_mv");
        assertThat(view.isMaterializedView()).isTrue();
        assertThat(view.targetTable()).isEqualTo(new TableEntry.QualifiedName(db.name(), "totals"));
        assertThat(view.asSelect()).contains("count()");
        assertThat(view.totalRows()).isNull();
        assertThat(tables.get("recent").isView()).isTrue();
        assertThat(tables.get("recent").targetTable()).isNull();

        assertThat(catalog.table(db.name(), "totals")).map(TableEntry::totalRows).contains(2L);
        assertThat(catalog.table(db.name(), "nowhere")).isEmpty();
        assertThat(catalog.tableExists(db.name(), "events")).isTrue();
        assertThat(catalog.tableExists(db.name(), "nowhere")).isFalse();
    }

    @Test
    void columnsCarryTypeDefaultCodecAndSortingKey(Database db) {
        events(db);
        ServerCatalog catalog = ServerCatalog.of(db);
        List<ColumnEntry> columns = catalog.columns(db.name(), "events");
        assertThat(columns).extracting(ColumnEntry::name).containsExactly("ts", "id", "price", "day");
        assertThat(columns.get(0)).isEqualTo(new ColumnEntry("events", "ts", "DateTime", "", "", "", true));
        assertThat(columns.get(2).compressionCodec()).isEqualTo("CODEC(ZSTD(1))");
        assertThat(columns.get(2).inSortingKey()).isFalse();
        assertThat(columns.get(3).defaultKind()).isEqualTo("MATERIALIZED");
        assertThat(columns.get(3).defaultExpression()).isEqualTo("toDate(ts)");
        assertThat(catalog.columns(db.name())).extracting(ColumnEntry::table).containsSubsequence("events", "totals");
        assertThat(catalog.columns(db.name(), "nowhere")).isEmpty();
    }

    @Test
    void partsRowsDatabasesAndSettings(Database db) {
        events(db);
        db.execute("INSERT INTO events (ts, id, price) VALUES (now(), 1, 1)");
        db.execute("INSERT INTO events (ts, id, price) VALUES (now(), 2, 1), (now(), 3, 1)");
        ServerCatalog catalog = ServerCatalog.of(db);
        assertThat(catalog.activeParts(db.name(), "events")).hasSize(2).isSorted();
        assertThat(catalog.activeRows(db.name(), "events")).isEqualTo(3);
        assertThat(catalog.activeRows(db.name(), "nowhere")).isZero();

        assertThat(catalog.databaseExists(db.name())).isTrue();
        assertThat(catalog.databaseExists(db.name() + "_not_there")).isFalse();
        String prefix = "catalog_probe_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        db.createDatabase(prefix + "b");
        db.createDatabase(prefix + "a");
        try {
            assertThat(catalog.databasesStartingWith(prefix)).containsExactly(prefix + "a", prefix + "b");
        } finally {
            db.dropDatabase(prefix + "a");
            db.dropDatabase(prefix + "b");
        }
        assertThat(catalog.mergeTreeSettingDefault("non_replicated_deduplication_window")).isZero();
    }

    @Test
    void aRunningStatementShowsItsProgressAndARunningInsertIsSeen(Database db) throws Exception {
        db.execute("CREATE TABLE sink (n UInt64) ENGINE = MergeTree ORDER BY n");
        ServerCatalog catalog = ServerCatalog.of(db);
        String marker = "catalog progress " + UUID.randomUUID();
        assertThat(catalog.progress(marker)).isEmpty();
        assertThat(catalog.insertRunning(db.name(), "sink")).isFalse();
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> db.execute("INSERT INTO " + db.name()
                + ".sink SELECT number FROM numbers(60) WHERE sleepEachRow(0.05) = 0 AND '" + marker + "' != '' "
                + "SETTINGS max_block_size = 1"));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (catalog.progress(marker).isEmpty() && System.nanoTime() < deadline && !slow.isDone()) {
                Thread.sleep(20);
            }
            assertThat(catalog.progress(marker)).isPresent();
            assertThat(catalog.insertRunning(db.name(), "sink")).isTrue();
        } finally {
            slow.get();
        }
        assertThat(catalog.progress(marker)).isEmpty();
        assertThat(db.queryLong("SELECT count() FROM sink")).isEqualTo(60);
    }

    @Test
    void rolesThatExistAreFoundAmongTheNamesAsked(Database db) throws Exception {
        HttpQueries http = new HttpQueries(db.endpoint());
        assertThat(ServerCatalog.existingRoles(http, db.name(), List.of("no_such_role_x", "no_such_role_y")))
                .contains(List.of());
    }

    /** A name shaped like SQL stays a value: every question answers "nothing of that name", none runs it. */
    @Test
    void hostileNamesAreValuesAndMatchNothing(Database db) throws Exception {
        events(db);
        ServerCatalog catalog = ServerCatalog.of(db);
        String hostile = "x' OR 1 = 1 OR name = '";
        assertThat(catalog.databaseExists(hostile)).isFalse();
        assertThat(catalog.databasesStartingWith(hostile)).isEmpty();
        assertThat(catalog.databasesStartingWith("' OR 1 = 1 --")).isEmpty();
        assertThat(catalog.tables(hostile)).isEmpty();
        assertThat(catalog.table(db.name(), hostile)).isEmpty();
        assertThat(catalog.tableExists(db.name(), hostile)).isFalse();
        assertThat(catalog.columns(db.name(), hostile)).isEmpty();
        assertThat(catalog.columns(hostile)).isEmpty();
        assertThat(catalog.activeParts(db.name(), hostile)).isEmpty();
        assertThat(catalog.activeRows(hostile, "events")).isZero();
        assertThat(catalog.progress(hostile)).isEmpty();
        assertThat(catalog.insertRunning(hostile, hostile)).isFalse();
        assertThat(catalog.tables(db.name())).extracting(TableEntry::name)
                .as("the events table is still there, untouched").contains("events");
        HttpQueries http = new HttpQueries(db.endpoint());
        assertThat(ServerCatalog.existingRoles(http, db.name(), List.of(hostile))).contains(List.of());
    }

    @Test
    void rolesTheServerHasAreFoundAndOnlyThose(Database db) throws Exception {
        List<String> all = db.query("SELECT name FROM system.roles ORDER BY name").rows().stream()
                .map(r -> String.valueOf(r.get(0))).toList();
        List<String> asked = new java.util.ArrayList<>(all);
        asked.add("no_such_role_" + UUID.randomUUID().toString().substring(0, 8));
        HttpQueries http = new HttpQueries(db.endpoint());
        assertThat(ServerCatalog.existingRoles(http, db.name(), asked).orElseThrow())
                .containsExactlyInAnyOrderElementsOf(all);
    }
}
