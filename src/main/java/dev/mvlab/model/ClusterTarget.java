package dev.mvlab.model;

import java.time.Duration;
import java.util.Map;

/**
 * Where a project is deployed when it is not one server: a cluster of ClickHouse servers, ClickHouse Cloud, or
 * mvlab's local chDB cluster. Read from the project's {@code mvlab.properties} ({@code cluster.NAME.*} keys) and
 * chosen with {@code --cluster NAME}; the datafiles stay as they are.
 *
 * <p>Naming: each data source (and inline target) {@code T} becomes the table {@code T_local} on every node and the
 * Distributed table {@code T} over them, so endpoints, checks and users' queries keep the data source's name and
 * read the whole cluster; materialized views are created on every node and read and write the local tables.
 *
 * @param name           the cluster's name as the servers' {@code remote_servers} names it ({@code ON CLUSTER name},
 *                       {@code Distributed(name, ...)})
 * @param replicatedPath the Keeper path of a Replicated table, with macros ({@code {shard}}, {@code {database}},
 *                       {@code {table}}, {@code {uuid}})
 * @param replicaName    the replica name of a Replicated table, normally the {@code {replica}} macro
 * @param shardingKeys   the sharding key of each data source that names one in the settings, by data source name;
 *                       the others get the default ({@link #shardingKey(DataSource)})
 * @param ddlTimeout     how long an {@code ON CLUSTER} statement waits for every node
 * @param location       where the target is defined ({@code mvlab.properties}, its first key), or null for a
 *                       built-in target
 */
public record ClusterTarget(String name, ClusterKind kind, String replicatedPath, String replicaName,
                            Map<String, ShardingKey> shardingKeys, Duration ddlTimeout, SourceLocation location) {

    public static final String DEFAULT_REPLICATED_PATH = "/clickhouse/tables/{shard}/{database}/{table}";
    public static final String DEFAULT_REPLICA_NAME = "{replica}";
    public static final Duration DEFAULT_DDL_TIMEOUT = Duration.ofSeconds(180);
    /** The name reserved for mvlab's local cluster ({@code --cluster local}). */
    public static final String LOCAL_NAME = "local";
    /** What the local table of a data source adds to its name. */
    public static final String LOCAL_SUFFIX = "_local";

    public ClusterTarget {
        shardingKeys = Map.copyOf(shardingKeys);
    }

    /** The local cluster's target with its defaults; {@code remoteServersName} is its cluster in remote_servers. */
    public static ClusterTarget local(String remoteServersName) {
        return new ClusterTarget(remoteServersName, ClusterKind.LOCAL, DEFAULT_REPLICATED_PATH, DEFAULT_REPLICA_NAME,
                Map.of(), DEFAULT_DDL_TIMEOUT, null);
    }

    /** The table on every node that holds the data of {@code table} (itself on Cloud). */
    public String localName(String table) {
        return kind.splitsTables() ? table + LOCAL_SUFFIX : table;
    }

    /**
     * The sharding key of a data source's Distributed table: the one the settings name, else {@code cityHash64} of
     * the whole sorting key for the engines that merge the rows of one key (Replacing, Collapsing,
     * VersionedCollapsing, Summing, Aggregating: the rows of a key meet only on one shard, and the whole key spreads
     * better than its first column, which may have few values), else {@code rand()}.
     */
    public String shardingKey(DataSource table) {
        ShardingKey own = shardingKeys.get(table.name());
        if (own != null) {
            return own.expression();
        }
        EngineSpec spec = table.engine();
        if (spec == null || spec.engine() == null || spec.engine() == TableEngine.MERGE_TREE
                || !spec.engine().isMergeTree() || spec.sortingKey() == null) {
            return "rand()";
        }
        String key = spec.sortingKey().strip();
        if (key.startsWith("(") && key.endsWith(")")) {
            key = key.substring(1, key.length() - 1).strip();
        }
        return key.isEmpty() || key.equals("tuple()") ? "rand()" : "cityHash64(" + key + ")";
    }

    /** A sharding key expression written in the settings, and where. */
    public record ShardingKey(String expression, SourceLocation location) {
    }
}
