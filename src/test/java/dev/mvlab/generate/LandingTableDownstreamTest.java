package dev.mvlab.generate;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deduplication window reaches every MergeTree table downstream of the landing table, through chained views and
 * into another database; a window the user declared is kept; tables no view of the chain writes are left alone.
 */
@ExtendWith(ClickHouseExtension.class)
class LandingTableDownstreamTest {

    @Test
    void everyTargetDownstreamGetsAWindowAcrossDatabasesAndADeclaredOneIsKept(Database db) {
        String other = db.name() + "_rollups";
        db.createDatabase(other);
        try {
            db.execute("CREATE TABLE landing (k UInt64) ENGINE = MergeTree ORDER BY k");
            db.execute("CREATE TABLE hourly (k UInt64, n UInt64) ENGINE = SummingMergeTree ORDER BY k");
            db.execute("CREATE MATERIALIZED VIEW hourly_mv TO hourly AS SELECT k, count() AS n FROM landing GROUP BY k");
            db.execute("CREATE TABLE " + other + ".daily (k UInt64, n UInt64) ENGINE = SummingMergeTree ORDER BY k "
                    + "SETTINGS non_replicated_deduplication_window = 7");
            db.execute("CREATE MATERIALIZED VIEW daily_mv TO " + other + ".daily AS SELECT k, sum(n) AS n FROM hourly "
                    + "GROUP BY k");
            db.execute("CREATE TABLE " + other + ".monthly (k UInt64) ENGINE = MergeTree ORDER BY k");
            db.execute("CREATE MATERIALIZED VIEW " + other + ".monthly_mv TO " + other + ".monthly AS SELECT k FROM "
                    + other + ".daily");
            db.execute("CREATE TABLE unrelated (k UInt64) ENGINE = MergeTree ORDER BY k");
            db.execute("CREATE VIEW plain_view AS SELECT k FROM landing");

            LandingTable landing = new LandingTable(db, "landing");
            assertThat(landing.downstreamTables()).extracting(t -> t.database() + "." + t.name())
                    .containsExactly(db.name() + ".landing", db.name() + ".hourly", other + ".daily",
                            other + ".monthly");
            assertThat(landing.ensureDeduplication())
                    .containsExactly("landing", "hourly", other + ".monthly");
            ServerCatalog catalog = ServerCatalog.of(db);
            assertThat(create(catalog, db.name(), "hourly")).contains("non_replicated_deduplication_window = 1000");
            assertThat(create(catalog, other, "daily")).contains("non_replicated_deduplication_window = 7");
            assertThat(create(catalog, db.name(), "unrelated")).doesNotContain("non_replicated_deduplication_window");
            assertThat(landing.ensureDeduplication()).as("a second run changes nothing").isEmpty();
        } finally {
            db.dropDatabase(other);
        }
    }

    private static String create(ServerCatalog catalog, String database, String table) {
        return catalog.table(database, table).map(TableEntry::createTableQuery).orElseThrow();
    }
}
