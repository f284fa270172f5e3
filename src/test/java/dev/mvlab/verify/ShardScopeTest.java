package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code verify --per-shard}: a check's reads of Distributed tables narrowed to one shard, parsed by ClickHouse. */
@ExtendWith(ClickHouseExtension.class)
class ShardScopeTest {
    private static final ShardScope SHARD_2 = new ShardScope(Set.of("sales_hourly", "estore_events"), 2);

    @Test
    void everyReadOfADistributedTableIsNarrowedAndOthersAreLeft() {
        String sql = "SELECT product_id, countMerge(purchases) AS n FROM sales_hourly GROUP BY product_id "
                + "UNION ALL SELECT product_id, count() FROM estore_events AS e JOIN products p ON p.id = e.product_id "
                + "WHERE e.action IN (SELECT action FROM estore_events) GROUP BY product_id";
        assertThat(SHARD_2.narrow(sql))
                .contains("FROM (SELECT * FROM sales_hourly WHERE _shard_num = 2) GROUP BY")
                .contains("FROM (SELECT * FROM estore_events WHERE _shard_num = 2) AS e JOIN products p")
                .contains("IN (SELECT action FROM (SELECT * FROM estore_events WHERE _shard_num = 2))");
        assertThat(ShardScope.reads(sql, SHARD_2.distributedTables())).containsExactly("sales_hourly",
                "estore_events");
    }

    @Test
    void finalMovesNextToTheTableAndQualifiedNamesOrFunctionsAreLeft() {
        assertThat(SHARD_2.narrow("SELECT count() FROM estore_events AS e FINAL WHERE 1"))
                .isEqualTo("SELECT count() FROM (SELECT * FROM estore_events FINAL WHERE _shard_num = 2) AS e  WHERE 1");
        assertThat(SHARD_2.narrow("SELECT count() FROM estore_events FINAL"))
                .isEqualTo("SELECT count() FROM (SELECT * FROM estore_events FINAL WHERE _shard_num = 2) ");
        String untouched = "SELECT count() FROM other.estore_events, numbers(3) WHERE x = 'FROM estore_events'";
        assertThat(SHARD_2.narrow(untouched)).isEqualTo(untouched);
    }

    @Test
    void aNarrowedCheckKeepsItsKeysAndVerdictAndNamesItsShard() {
        Check check = new Check("sales", "d", "SELECT 1 AS k, count() AS n FROM sales_hourly",
                "SELECT 1 AS k, count() AS n FROM estore_events", List.of("k"), Tolerance.DEFAULT, Verdict.MATCH, null);
        Check narrowed = SHARD_2.narrow(check);
        assertThat(narrowed.name()).isEqualTo("sales [shard 2]");
        assertThat(narrowed.keys()).containsExactly("k");
        assertThat(narrowed.expect()).isEqualTo(Verdict.MATCH);
        assertThat(narrowed.raw()).contains("_shard_num = 2");
    }

    @Test
    void perShardOnTablesThatAreNotDistributedSaysWhatIsMissing(Database server) {
        server.execute("CREATE TABLE per_shard_plain (k UInt8) ENGINE = MergeTree ORDER BY k");
        Check check = new Check("plain", "d", "SELECT k FROM per_shard_plain", "SELECT k FROM per_shard_plain",
                List.of("k"), Tolerance.DEFAULT, Verdict.MATCH, null);
        assertThatThrownBy(() -> new Verifier().verifyPerShard(List.of(check), server, Set.of("per_shard_plain")))
                .isInstanceOf(MvlabException.class)
                .hasMessageContaining("check 'plain': --per-shard reads _shard_num of per_shard_plain")
                .satisfies(e -> assertThat(((MvlabException) e).hint()).contains("--cluster"));
        Check unrelated = new Check("none", "d", "SELECT 1 AS k", "SELECT 1 AS k", List.of("k"), Tolerance.DEFAULT,
                Verdict.MATCH, null);
        assertThat(new Verifier().verifyPerShard(List.of(unrelated), server, Set.of("per_shard_plain")).results())
                .singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.MATCH));
    }

    @Test
    void theNarrowedQueriesParse(Database server) {
        for (String sql : List.of("SELECT count() FROM estore_events AS e FINAL WHERE 1",
                "SELECT a FROM sales_hourly s JOIN estore_events ON 1 GROUP BY a")) {
            Object formatted = server.query("SELECT formatQuery(?)", SHARD_2.narrow(sql)).scalar();
            assertThat(formatted.toString()).contains("_shard_num = 2");
        }
    }
}
