package dev.mvlab.deploy;

import dev.mvlab.clickhouse.ClusterCatalog.NodeTable;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-node comparison of {@code diff --cluster}, from what the nodes answered: the objects each node must hold,
 * an object missing on one node, one defined otherwise on one node, a silent node. (Reading the nodes through
 * clusterAllReplicas needs a cluster: ClusterDeployCommandsTest runs it against a server that has none.)
 */
class ClusterNodeDiffTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();

    @Test
    void eachNodeMustHoldLocalAndDistributedTablesAndTheViews() {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ROOT));
        List<String> names = ClusterNodeDiff.expectedNames(graph, ClusterTarget.local("local"));
        assertThat(names).startsWith("estore_events_local", "estore_events", "products_local", "products")
                .contains("purchases_mv", "top_products", "stock_by_brand_local", "stock_by_brand")
                .doesNotContain("sales_daily_history_copy");
    }

    @Test
    void reportsWhatIsMissingOrDifferentByNode() {
        String mergeTree = "CREATE TABLE db.t_local (a UInt8) ENGINE = MergeTree ORDER BY a";
        String replacing = "CREATE TABLE db.t_local (a UInt8) ENGINE = ReplacingMergeTree ORDER BY a";
        String view = "CREATE VIEW db.v AS SELECT 1";
        List<NodeTable> tables = List.of(
                new NodeTable("n1:9001", "t_local", "MergeTree", mergeTree),
                new NodeTable("n2:9002", "t_local", "MergeTree", mergeTree),
                new NodeTable("n3:9003", "t_local", "ReplacingMergeTree", replacing),
                new NodeTable("n1:9001", "v", "View", view),
                new NodeTable("n3:9003", "v", "View", view),
                new NodeTable("n2:9002", "old", "View", "CREATE VIEW db.old AS SELECT 2"));
        ClusterDiffResult result = ClusterNodeDiff.compare("c", "db", List.of("t_local", "v"),
                List.of("n1:9001", "n2:9002", "n3:9003"), List.of("n4:9004"), tables);
        assertThat(result.issues()).extracting(i -> i.status() + " " + i.object() + " " + i.node()).containsExactly(
                "DIFFERENT t_local n3:9003", "MISSING v n2:9002", "EXTRA old n2:9002");
        assertThat(result.issues().get(0).detail())
                .isEqualTo("engine ReplacingMergeTree on n3:9003, MergeTree on 2 other node(s)");
        assertThat(result.silentNodes()).containsExactly("n4:9004");
        assertThat(result.clean(false)).isFalse();

        ClusterDiffResult same = ClusterNodeDiff.compare("c", "db", List.of("t_local"), List.of("n1:9001", "n2:9002"),
                List.of(), tables.subList(0, 2));
        assertThat(same.issues()).isEmpty();
        assertThat(same.clean(true)).isTrue();
    }
}
