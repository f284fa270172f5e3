package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.files.FileTrees;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvlab apply --cluster local}: the per-node statements of a project (the workshop's landing table) on every node of a running 2 x 2 cluster. */
class LocalClusterApplyTest {
    private static Path home;
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws IOException {
        home = ClickHouseExtension.testRoot().resolve("local-cluster-apply");
        FileTrees.deleteQuietly(home);
        ProjectCopy.tree(Path.of("src/test/resources/cluster-local"), home);
        // the cluster the CLI finds: the test run's MVLAB_HOME (pom.xml), as `mvlab cluster start` would use
        cluster = new LocalCluster(EngineSettings.resolve(home, Map.of(), System.getenv()), ProcessHandle.current().pid());
        cluster.start(2, 2, 512);
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    @Test
    void applyCreatesTheSameLocalAndDistributedTablesOnEveryNode() {
        for (Node node : cluster.require().nodes()) { // the cluster's data outlives a test run (MVLAB_HOME)
            try (Database db = Database.connect(cluster.endpoint(node), "default")) {
                db.execute("DROP DATABASE IF EXISTS wk SYNC");
            }
        }
        MvlabRun apply = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk", "--project", home.toString());
        assertThat(apply.code()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("node s1r1", "node s2r2");
        List<Node> nodes = cluster.require().nodes();
        for (Node node : nodes) {
            try (Database db = Database.connect(cluster.endpoint(node), "default")) {
                assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = 'wk' "
                        + "AND name = 'estore_events_local' AND engine = 'MergeTree'")).as(node.name()).isEqualTo(1);
                assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = 'wk' "
                        + "AND name = 'estore_events' AND engine = 'Distributed'")).as(node.name()).isEqualTo(1);
            }
        }
    }

    @Test
    void aSecondApplyChangesNothingAndExitsZero() {
        dropOnEveryNode("wk_again");
        MvlabRun first = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk_again", "--project", home.toString());
        assertThat(first.code()).as(first.err()).isZero();
        MvlabRun again = MvlabRun.mvlab("apply", "--cluster", "local", "--database", "wk_again", "--project", home.toString());
        // the shadow's Distributed table names the shadow database; the node's names wk_again: both are the same table
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("unchanged ")).count()).as(again.out()).isEqualTo(8);
        assertThat(again.out().lines().filter(l -> l.equals("database wk_again: 0 created, 0 recreated, 2 unchanged"))
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
