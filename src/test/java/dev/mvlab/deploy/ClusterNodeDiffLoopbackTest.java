package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code diff --cluster} reading real nodes: two chDB nodes of a remote_servers cluster on 127.0.0.1, the workshop
 * project's per-node statements (kind local) created on each (rows inserted through the Distributed table reach
 * both shards' views), then a materialized view dropped on one node and the other node killed. What it reads goes through node 1 only (clusterAllReplicas).
 */
class ClusterNodeDiffLoopbackTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();

    @Test
    void reportsAnObjectMissingOnOneNodeAndANodeThatIsDown(@TempDir Path dir) throws Exception {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ROOT));
        ClusterTarget target = ClusterTarget.local(LoopbackChdbCluster.NAME);
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates(), target);
        try (LoopbackChdbCluster cluster = LoopbackChdbCluster.start(dir, 2)) {
            cluster.createWorkshopOnEveryNode("w", renderer, graph, 1000);
            try (Database w = cluster.connect(0, "w")) {
                // the rendered layout runs: rows inserted through the Distributed table reached each shard's views
                assertThat(w.queryLong("SELECT count() FROM purchases")).isEqualTo(500);
                assertThat(w.queryLong("SELECT count() FROM purchases_local")).isBetween(1L, 499L);
            }
            try (Database first = cluster.connect(0, "default")) {
                ClusterDiffResult same = new ClusterNodeDiff(first, target).run(graph, "w");
                assertThat(same.nodes()).hasSize(2);
                assertThat(same.issues()).isEmpty();
                assertThat(same.clean(true)).isTrue();

                try (Database second = cluster.connect(1, "w")) {
                    second.execute("DROP TABLE purchases_mv SYNC");
                }
                ClusterDiffResult missing = new ClusterNodeDiff(first, target).run(graph, "w");
                assertThat(missing.issues()).extracting(i -> i.status() + " " + i.object())
                        .containsExactly("MISSING purchases_mv");
                assertThat(missing.issues().get(0).node()).endsWith(":" + cluster.tcpPort(1));
                assertThat(missing.clean(false)).isFalse();

                // this build has no Keeper: the real kind's ON CLUSTER DDL reaches the node and is refused there
                ClusterTarget real = new ClusterTarget(LoopbackChdbCluster.NAME, ClusterKind.REAL,
                        ClusterTarget.DEFAULT_REPLICATED_PATH, ClusterTarget.DEFAULT_REPLICA_NAME, Map.of(),
                        Duration.ofSeconds(5), null);
                assertThatThrownBy(() -> new ClusterApply(first, new SqlRenderer(new SqlTemplates(), real), real)
                        .run(graph, "w2")).isInstanceOfSatisfying(DatabaseException.class, e -> {
                            assertThat(e.exitCode()).isEqualTo(ExitCode.DATABASE);
                            assertThat(e.getMessage()).contains("Replicated DDL queries are disabled");
                            assertThat(e.sql()).startsWith("CREATE DATABASE IF NOT EXISTS w2 ON CLUSTER c");
                        });

                cluster.kill(1);
                ClusterDiffResult down = new ClusterNodeDiff(first, target).run(graph, "w");
                assertThat(down.silentNodes()).containsExactly("127.0.0.1:" + cluster.tcpPort(1));
                assertThat(down.nodes()).hasSize(1);
                assertThat(down.issues()).isEmpty();
            }
        }
    }
}
