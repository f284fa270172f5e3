package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.TableEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cluster targets read from mvlab.properties: values, defaults, and each bad line at its file:line:col. */
class ClusterSettingsTest {
    private static final List<String> TABLES = List.of("estore_events", "products");

    @TempDir
    Path dir;

    @Test
    void readsARealTargetWithItsKeys() throws IOException {
        write("""
                # my clusters
                engine = url
                cluster.prod.kind = real
                cluster.prod.replicated_path = /ch/{shard}/{database}/{table}
                cluster.prod.replica: {replica}
                cluster.prod.sharding_key.estore_events = cityHash64(customer_id)
                cluster.prod.ddl_timeout_seconds = 30
                cluster.other.kind = cloud
                """);
        ClusterTarget target = ClusterSettings.read(dir, "prod", TABLES);
        assertThat(target.kind()).isEqualTo(ClusterKind.REAL);
        assertThat(target.replicatedPath()).isEqualTo("/ch/{shard}/{database}/{table}");
        assertThat(target.replicaName()).isEqualTo("{replica}");
        assertThat(target.ddlTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(target.shardingKeys().get("estore_events").expression()).isEqualTo("cityHash64(customer_id)");
        assertThat(target.shardingKeys().get("estore_events").location().toString())
                .isEqualTo("mvlab.properties:6:43");
        assertThat(target.localName("products")).isEqualTo("products_local");
        assertThat(ClusterSettings.read(dir, "other", TABLES).kind()).isEqualTo(ClusterKind.CLOUD);
        assertThat(ClusterSettings.read(dir, "other", TABLES).localName("products")).isEqualTo("products");
    }

    @Test
    void localNeedsNoLineAndDefaultsApply() {
        ClusterTarget target = ClusterSettings.read(dir, "local", TABLES);
        assertThat(target.kind()).isEqualTo(ClusterKind.LOCAL);
        assertThat(target.replicatedPath()).isEqualTo(ClusterTarget.DEFAULT_REPLICATED_PATH);
        assertThat(target.ddlTimeout()).isEqualTo(ClusterTarget.DEFAULT_DDL_TIMEOUT);
    }

    @Test
    void defaultShardingKeysKeepAKeysRowsOnOneShard() {
        ClusterTarget target = ClusterTarget.local("local");
        assertThat(target.shardingKey(table("events", TableEngine.MERGE_TREE, "action, timestamp")))
                .isEqualTo("rand()");
        assertThat(target.shardingKey(table("products", TableEngine.REPLACING_MERGE_TREE, "product_id")))
                .isEqualTo("cityHash64(product_id)");
        assertThat(target.shardingKey(table("dedup", TableEngine.REPLACING_MERGE_TREE, "(action, customer_id)")))
                .isEqualTo("cityHash64(action, customer_id)");
        assertThat(target.shardingKey(table("sink", TableEngine.NULL, null))).isEqualTo("rand()");
    }

    @Test
    void eachBadLineIsReportedAtItsPlace() throws IOException {
        assertError("cluster.prod.kind = galaxy\n", "prod",
                "mvlab.properties:1:21: cluster kind `galaxy` is not one of real, cloud, local");
        assertError("cluster.prod.kind = real\ncluster.prod.replicated_path = /clickhouse/tables/{shard}\n", "prod",
                "mvlab.properties:2:32: replicated path `/clickhouse/tables/{shard}` must start with / and contain "
                        + "{table} or {uuid}");
        assertError("cluster.prod.kind = real\ncluster.prod.shardingkey.products = rand()\n", "prod",
                "mvlab.properties:2:1: unknown cluster setting `shardingkey.products`");
        assertError("cluster.prod.kind = real\ncluster.prod.sharding_key.prodcts = rand()\n", "prod",
                "mvlab.properties:2:27: no data source named `prodcts`");
        assertError("cluster.prod.kind = real\ncluster.prod.sharding_key.products = cityHash64(product_id\n", "prod",
                "mvlab.properties:2:38: sharding key `cityHash64(product_id` is not one expression");
        assertError("cluster.prod.kind = real\ncluster.prod.ddl_timeout_seconds = soon\n", "prod",
                "mvlab.properties:2:36: `cluster.prod.ddl_timeout_seconds` must be whole seconds");
        assertError("cluster.local.kind = real\n", "local",
                "mvlab.properties:1:22: the cluster name `local` is reserved");
        assertError("cluster.prod.replica = {replica}\n", "prod", "mvlab.properties:1:1: cluster `prod` has no kind");
    }

    @Test
    void anUnknownClusterIsAUsageErrorNamingTheKnownOnes() throws IOException {
        write("cluster.prod.kind = real\n");
        assertThatThrownBy(() -> ClusterSettings.read(dir, "prd", TABLES)).isInstanceOfSatisfying(MvlabException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith("no cluster `prd` in ");
                    assertThat(e.hint()).contains("prod");
                });
        assertThatThrownBy(() -> ClusterSettings.read(dir, "a;b", TABLES)).isInstanceOf(MvlabException.class)
                .hasMessageContaining("--cluster takes a name");
    }

    private void assertError(String properties, String name, String expected) throws IOException {
        write(properties);
        assertThatThrownBy(() -> ClusterSettings.read(dir, name, TABLES)).isInstanceOfSatisfying(
                DatafileException.class, e -> assertThat(e.getMessage()).startsWith(expected));
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("mvlab.properties"), text);
    }

    private static DataSource table(String name, TableEngine engine, String sortingKey) {
        EngineSpec spec = new EngineSpec(engine, sortingKey, null, null, null, null, null, null, null, null, null, null);
        return new DataSource(name, null, List.of(), spec, List.of(), List.of(), List.of(), List.of(), null);
    }
}
