package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Tolerance;
import dev.mvlab.verify.Verdict;
import dev.mvlab.verify.VerificationReport;
import dev.mvlab.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --per-shard} on real nodes: two chDB shards of a remote_servers cluster on 127.0.0.1 with the
 * workshop's per-node statements (kind local). With the views on the local tables every shard matches; rows of one
 * shard's view target moved to the other keep the totals (plain verify: MATCH) but every shard drifts.
 */
class PerShardVerifyLoopbackTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static final Check PURCHASES = new Check("purchases_per_product", "purchases by product",
            "SELECT product_id, count() AS n FROM purchases GROUP BY product_id",
            "SELECT product_id, count() AS n FROM estore_events WHERE action = 'purchase' GROUP BY product_id",
            List.of("product_id"), Tolerance.DEFAULT, Verdict.MATCH, null);

    @Test
    void eachShardMatchesUntilRowsSitOnTheWrongShard(@TempDir Path dir) throws Exception {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ROOT));
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates(), ClusterTarget.local(LoopbackChdbCluster.NAME));
        Set<String> distributed = Set.of("estore_events", "purchases");
        try (LoopbackChdbCluster cluster = LoopbackChdbCluster.start(dir, 2)) {
            cluster.createWorkshopOnEveryNode("w", renderer, graph, 1000);
            try (Database w = cluster.connect(0, "w"); Database second = cluster.connect(1, "w")) {

                VerificationReport good = new Verifier().verifyPerShard(List.of(PURCHASES), w, distributed);
                assertThat(good.results()).extracting(r -> r.check().name()).containsExactly(
                        "purchases_per_product [shard 1]", "purchases_per_product [shard 2]");
                assertThat(good.results()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.MATCH));

                // the second shard's view rows end up on the first shard: same totals, wrong shards
                w.execute("INSERT INTO purchases_local SELECT * FROM remote('127.0.0.1:" + cluster.tcpPort(1)
                        + "', w, purchases_local)");
                second.execute("TRUNCATE TABLE purchases_local");
                assertThat(new Verifier().verify(PURCHASES, w).verdict()).isEqualTo(Verdict.MATCH);
                VerificationReport moved = new Verifier().verifyPerShard(List.of(PURCHASES), w, distributed);
                assertThat(moved.results()).extracting(CheckResult::verdict)
                        .containsExactly(Verdict.DRIFT, Verdict.DRIFT);
            }
        }
    }
}
