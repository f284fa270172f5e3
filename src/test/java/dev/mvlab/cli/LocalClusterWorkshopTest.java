package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.InstallerTestSupport;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The workshop projects on a running local 2 x 2 cluster: applied with {@code --cluster local} on every node. */
class LocalClusterWorkshopTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static Path home;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() {
        home = ClickHouseExtension.testRoot().resolve("local-cluster-workshop");
        InstallerTestSupport.deleteTree(home);
        cluster = new LocalCluster(EngineSettings.resolve(home, Map.of(), System.getenv()), ProcessHandle.current().pid());
        cluster.start(2, 2, 512);
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    /**
     * The parser fixture's {@code sales_by_product} sums a Nullable price into {@code AggregateFunction(sum, Float64)}:
     * ClickHouse 26.7 refuses that view on any server (a filter on IS NOT NULL does not change the type), so the apply
     * stops at the first node, names the pipe and says what to write.
     */
    @Test
    void aViewSummingANullableColumnIntoAPlainStateIsRefusedWithAHint() {
        Path project = ProjectCopy.tree(Path.of("src/test/resources/datafile/workshop"), home.resolve("datafile-workshop"));
        dropOnEveryNode("wk_datafile");
        MvlabRun apply = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk_datafile",
                "--project", project.toString());
        assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(4);
        assertThat(apply.err()).contains("pipes/sales_by_product.pipe:16: ClickHouse refused materialized view "
                + "sales_by_product", "CANNOT_CONVERT_TYPE", "hint: column revenue: the query's sumState(...) is over "
                + "a Nullable column; write sumState(assumeNotNull(...))", "AggregateFunction(sum, Nullable(Float64))");
        assertThat(apply.err()).doesNotContain("Exception:\n\tat ");
    }

    @Test
    void theWholeWorkshopAppliesOnEveryNodeAndASecondApplyChangesNothing() {
        Path project = ProjectCopy.of(REPOSITORY, home.resolve("workshop"));
        dropOnEveryNode("wk_workshop");
        MvlabRun apply = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk_workshop",
                "--project", project.toString());
        assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
        long objects = -1;
        for (Node node : cluster.require().nodes()) {
            try (Database db = Database.connect(cluster.endpoint(node), "default")) {
                long here = db.queryLong("SELECT count() FROM system.tables WHERE database = 'wk_workshop' "
                        + "AND NOT startsWith(name, '.inner')");
                assertThat(here).as(node.name()).isGreaterThan(30);
                assertThat(objects == -1 || objects == here).as(node.name() + " has " + here).isTrue();
                objects = here;
                assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = 'wk_workshop' "
                        + "AND name = 'sales_hourly_mv' AND engine = 'MaterializedView'")).isEqualTo(1);
            }
        }
        MvlabRun again = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk_workshop",
                "--project", project.toString());
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).doesNotContain("\ncreated ");
        assertThat(again.out().lines().filter(l -> l.matches("database wk_workshop: 0 created, 0 recreated, \\d+ unchanged"))
                .count()).as(again.out()).isEqualTo(4);
    }

    private static void dropOnEveryNode(String database) {
        for (Node node : cluster.require().nodes()) {
            try (Database db = Database.connect(cluster.endpoint(node), "default")) {
                db.execute("DROP DATABASE IF EXISTS " + database + " SYNC");
            }
        }
    }
}
