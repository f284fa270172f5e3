package dev.mvlab.render;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.model.ClusterTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the repository's workshop project ({@code datasources/}, {@code pipes/}) rendered for a cluster of
 * each kind: {@code golden-cluster/<kind>/} holds the statements as {@code mvlab render --out} writes them and the
 * drop script. Run with {@code -Dmvlab.golden.update=true} to rewrite them, then review the diff.
 */
class ClusterRenderGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static final Path CASES = ROOT.resolve("src/test/resources/golden-cluster");
    private static final boolean UPDATE = Boolean.getBoolean("mvlab.golden.update");

    static ClusterTarget target(ClusterKind kind) {
        String name = kind == ClusterKind.LOCAL ? ClusterTarget.LOCAL_NAME : "prod";
        return new ClusterTarget(name, kind, ClusterTarget.DEFAULT_REPLICATED_PATH, ClusterTarget.DEFAULT_REPLICA_NAME,
                Map.of(), ClusterTarget.DEFAULT_DDL_TIMEOUT, null);
    }

    static ProjectGraph workshop() {
        return GraphBuilder.build(ProjectLoader.load(ROOT));
    }

    /** The golden case with a target defined inline by a materialized pipe and a copy pipe in replace mode. */
    static ProjectGraph inlineAndCopy() {
        return GraphBuilder.build(ProjectLoader.load(ROOT.resolve("src/test/resources/golden/inline-and-copy/input")));
    }

    static Map<String, String> render(ClusterTarget target) {
        return render(target, workshop());
    }

    static Map<String, String> render(ClusterTarget target, ProjectGraph graph) {
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates(), target);
        Map<String, String> files = new LinkedHashMap<>(PlanFiles.of(renderer.applyPlan(graph)));
        files.put("drop.sql", renderer.dropPlan(graph).script());
        return files;
    }

    @ParameterizedTest
    @EnumSource(ClusterKind.class)
    void theWorkshopRendersItsExpectedFiles(ClusterKind kind) throws IOException {
        Map<String, String> actual = render(target(kind));
        Path expectedDir = CASES.resolve(kind.word());
        if (UPDATE) {
            deleteTree(expectedDir);
            Files.createDirectories(expectedDir);
            for (Map.Entry<String, String> file : actual.entrySet()) {
                Files.writeString(expectedDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(expectedDir)) {
            for (Path file : files.toList()) {
                expected.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        actual.forEach((name, sql) -> assertThat(sql).as("%s/%s", kind.word(), name).isEqualTo(expected.get(name)));
    }

    @Test
    void aRealClusterGetsOnClusterReplicatedEnginesAndViewsOnTheLocalTables() {
        Map<String, String> files = render(target(ClusterKind.REAL));
        String all = String.join("\n", files.values());
        assertThat(files.values()).filteredOn(sql -> sql.contains("CREATE ") || sql.contains("DROP "))
                .allSatisfy(sql -> assertThat(sql).contains("ON CLUSTER 'prod'"));
        assertThat(all).doesNotContainPattern("ENGINE = (Replacing|Summing|Aggregating)?MergeTree")
                .contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')");
        String mv = file(files, "mv_sales_hourly_mv");
        assertThat(mv).contains("TO sales_hourly_local").contains("FROM estore_events_local")
                .doesNotContain("FROM estore_events\n");
        String distributed = file(files, "distributed_estore_events_dedup");
        assertThat(distributed).contains("AS estore_events_dedup_local")
                .contains("ENGINE = Distributed('prod', currentDatabase(), 'estore_events_dedup_local', cityHash64(");
        String join = file(files, "mv_returns_enriched_mv");
        assertThat(join).as("the joined table is read through Distributed").containsPattern("JOIN\\s+products\\b");
        assertThat(file(files, "view_top_products")).contains("FROM sales_hourly").doesNotContain("_local");
    }

    @Test
    void cloudKeepsTheSingleNodeStatements() {
        Map<String, String> cloud = render(target(ClusterKind.CLOUD));
        Map<String, String> single = GoldenRenderTest.render(ROOT);
        assertThat(cloud.keySet()).containsAll(single.keySet().stream().filter(f -> !f.equals("lineage.txt")).toList());
        cloud.forEach((name, sql) -> assertThat(withoutClusterComment(sql)).as(name).isEqualTo(single.get(name)));
    }

    @Test
    void aLocalClusterHasNoOnClusterAndPlainEnginesButTheSameLayout() {
        Map<String, String> files = render(target(ClusterKind.LOCAL));
        String all = String.join("\n", files.values());
        assertThat(all).doesNotContain("ON CLUSTER").doesNotContain("Replicated");
        assertThat(file(files, "distributed_estore_events")).contains(
                "ENGINE = Distributed('local', currentDatabase(), 'estore_events_local', rand())");
        assertThat(file(files, "mv_sales_hourly_mv")).contains("TO sales_hourly_local").contains("estore_events_local");
        assertThat(files.get("drop.sql")).contains("DROP TABLE IF EXISTS estore_events SYNC")
                .contains("DROP TABLE IF EXISTS estore_events_local SYNC");
    }

    @Test
    void anInlineTargetGetsItsPairAndAReplaceCopyTruncatesTheLocalTableOnCluster() {
        Map<String, String> files = render(target(ClusterKind.REAL), inlineAndCopy());
        assertThat(file(files, "table_revenue_by_product_local")).contains(
                "CREATE TABLE revenue_by_product_local ON CLUSTER 'prod'\nENGINE = ReplicatedAggregatingMergeTree(")
                .contains("EMPTY AS");
        assertThat(file(files, "distributed_revenue_by_product")).contains("cityHash64(product_id)");
        assertThat(file(files, "truncate_snapshot_copy")).contains("TRUNCATE TABLE daily_snapshot_local ON CLUSTER 'prod'");
        assertThat(file(files, "copy_snapshot_copy")).contains("INSERT INTO daily_snapshot (").doesNotContain("ON CLUSTER 'prod'");
        assertThat(file(files, "mv_revenue_mv")).contains("TO revenue_by_product_local").contains("FROM events_local");
    }

    private static String file(Map<String, String> files, String suffix) {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith("_" + suffix + ".sql")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no file for " + suffix + " in " + files.keySet()));
    }

    private static String withoutClusterComment(String sql) {
        return sql.replaceAll("(?m)^-- cluster prod \\(ClickHouse Cloud[^\\n]*\\n", "");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
