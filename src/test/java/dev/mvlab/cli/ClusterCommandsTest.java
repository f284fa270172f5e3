package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --cluster} on plan, render, apply, drop and diff with the workshop project. The test engine is one chDB
 * server with no remote_servers and no Keeper, so what needs a real cluster is shown to stop with a clear error.
 */
@ExtendWith(ClickHouseExtension.class)
class ClusterCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();

    private static Path project(Path dir, String properties) throws IOException {
        ProjectCopy.of(ROOT, dir);
        Files.writeString(dir.resolve("mvlab.properties"), properties);
        return dir;
    }

    @Test
    void planAndRenderShowTheClusterLayout(@TempDir Path dir) throws IOException {
        Path p = project(dir, "cluster.prod.kind = real\ncluster.prod.sharding_key.estore_events = "
                + "cityHash64(customer_id)\ncluster.cl.kind = cloud\n");
        MvlabRun plan = MvlabRun.mvlab("plan", "--project", p.toString(), "--cluster", "prod");
        assertThat(plan.code()).as(plan.output()).isZero();
        assertThat(plan.out()).contains("Cluster prod (real): ON CLUSTER DDL, Replicated engines")
                .contains("estore_events_local          on every node; estore_events Distributed, sharded by "
                        + "cityHash64(customer_id)")
                .contains("products Distributed, sharded by cityHash64(product_id)");
        assertThat(plan.err()).doesNotContain("warning: estore_events_dedup");
        MvlabRun render = MvlabRun.mvlab("render", "--project", p.toString(), "--cluster", "prod");
        assertThat(render.code()).as(render.output()).isZero();
        assertThat(render.out()).contains("CREATE TABLE estore_events_local ON CLUSTER")
                .contains("ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')");
        MvlabRun cloud = MvlabRun.mvlab("render", "--project", p.toString(), "--cluster", "cl");
        assertThat(cloud.code()).isZero();
        assertThat(cloud.out()).doesNotContain("ON CLUSTER '").doesNotContain("Distributed(")
                .doesNotContain("ENGINE = Replicated").contains("CREATE TABLE estore_events\n");
        MvlabRun plain = MvlabRun.mvlab("plan", "--project", p.toString());
        assertThat(plain.out()).doesNotContain("Cluster ");
    }

    @Test
    void planWarnsWhenAReplacingTargetsKeysAreSpreadAtRandom(@TempDir Path dir) throws IOException {
        Path p = project(dir, "cluster.prod.kind = real\n");
        MvlabRun plan = MvlabRun.mvlab("plan", "--project", p.toString(), "--cluster", "prod");
        assertThat(plan.code()).isZero();
        assertThat(plan.err()).contains("warning: estore_events_dedup (ReplacingMergeTree) is filled on each shard by "
                + "estore_events_dedup_mv from estore_events, which is sharded by rand()")
                .doesNotContain("warning: product_stock_latest");
    }

    @Test
    void badSettingsAndUnknownClustersStopBeforeAnything(@TempDir Path dir) throws IOException {
        Path p = project(dir, "cluster.prod.kind = real\ncluster.prod.sharding_key.estore_event = rand()\n");
        MvlabRun bad = MvlabRun.mvlab("render", "--project", p.toString(), "--cluster", "prod");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).startsWith("error: mvlab.properties:2:27: no data source named `estore_event`")
                .contains("hint: did you mean `estore_events`?");
        MvlabRun unknown = MvlabRun.mvlab("plan", "--project", p.toString(), "--cluster", "staging");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no cluster `staging` in").contains("hint: clusters: prod, local");
    }

    @Test
    void commandsThatTakeNoClusterSayWhyAndWhatToUse(@TempDir Path dir) throws IOException {
        Path p = project(dir, "");
        MvlabRun append = MvlabRun.mvlab("append", "estore_events", "events.csv", "--cluster", "local",
                "--project", p.toString());
        assertThat(append.code()).isEqualTo(2);
        assertThat(append.err()).contains("Unknown option: '--cluster'",
                "hint: mvlab append takes no --cluster: append keeps a ledger and a quarantine table on one server",
                "mvlab sql --cluster local \"INSERT INTO DS FORMAT CSVWithNames\" < file.csv");
        for (String[] command : List.of(new String[]{"serve"}, new String[]{"test"}, new String[]{"lesson", "run", "1"},
                new String[]{"bench", "ingest"})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--cluster", "local", "--project", p.toString()));
            MvlabRun run = MvlabRun.mvlab(args);
            assertThat(run.code()).as(args.toString()).isEqualTo(2);
            assertThat(run.err()).as(args.toString()).contains("hint: mvlab " + String.join(" ", command)
                    .replace(" 1", "") + " takes no --cluster: ", "the commands that do: render, plan, apply, diff, "
                    + "drop, sql, generate, generate products, verify, pipe data");
        }
    }

    @Test
    void onOneServerTheClusterCommandsSayWhatIsMissing(@TempDir Path dir, Endpoint endpoint) throws IOException {
        Path p = project(dir, "cluster.prod.kind = real\n");
        MvlabRun diff = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "diff", "--cluster", "prod");
        assertThat(diff.code()).as(diff.output()).isEqualTo(2);
        assertThat(diff.err()).startsWith("error: the server knows no cluster `prod`");
        MvlabRun apply = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "apply", "--cluster", "prod");
        assertThat(apply.code()).as(apply.output()).isEqualTo(2);
        assertThat(apply.err()).startsWith("error: the server knows no cluster `prod`");
        MvlabRun drop = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "drop", "--cluster", "prod");
        assertThat(drop.code()).isEqualTo(2);
        assertThat(drop.err()).contains("drops the project's tables and their data on every node");
        MvlabRun local = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "apply", "--cluster", "local");
        assertThat(local.code()).isEqualTo(2); // apply fans out to the local cluster's nodes: none runs here
        assertThat(local.err()).contains("no local cluster runs").contains("mvlab cluster start");
        MvlabRun check = MvlabRun.mvlab(MvlabRun.onEngine(endpoint, "check", "--project", p.toString(), "--cluster",
                "prod"));
        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).startsWith("error: check validates the statements on one server");
        MvlabRun copy = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "copy", "sales_daily_history_copy",
                "--cluster", "local");
        assertThat(copy.code()).isEqualTo(2);
        assertThat(copy.err()).contains("copy runs on one server; it takes no --cluster local",
                "hint: a copy's INSERT ... SELECT can run through the Distributed tables of one node");
        MvlabRun backfill = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "backfill", "purchases_mv",
                "--cluster", "local");
        assertThat(backfill.code()).isEqualTo(2);
        assertThat(backfill.err()).contains("backfill runs on one server; it takes no --cluster");
        MvlabRun applyBackfill = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "apply", "--backfill",
                "--cluster", "local");
        assertThat(applyBackfill.code()).isEqualTo(2);
        assertThat(applyBackfill.err()).contains("apply --backfill runs on one server; it takes no --cluster local");
        MvlabRun dryRun = MvlabRun.inDatabase(p, endpoint, "cluster_cmds", "apply", "--cluster", "prod",
                "--dry-run");
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out()).contains("CREATE MATERIALIZED VIEW purchases_mv ON CLUSTER");
    }
}
