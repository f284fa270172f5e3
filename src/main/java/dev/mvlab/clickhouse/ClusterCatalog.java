package dev.mvlab.clickhouse;

import dev.mvlab.sql.SqlLiterals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the nodes of a cluster hold and answer, read through the node mvlab is connected to: the nodes its
 * {@code remote_servers} lists, the tables of a database on every replica ({@code clusterAllReplicas}), and
 * {@code ON CLUSTER} DDL run with a bounded wait whose per-node answer is kept. A node names itself
 * {@code hostName():tcp_port}; the settings name nodes as {@code remote_servers} writes them.
 */
public final class ClusterCatalog {
    /** The expression that names the node a row comes from, evaluated on that node. */
    private static final String NODE = "concat(hostName(), ':', toString(getServerPort('tcp_port')))";

    private ClusterCatalog() {
    }

    /** A node as {@code remote_servers} lists it. */
    public record ListedNode(int shard, int replica, String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** One table of the database on one node. */
    public record NodeTable(String node, String name, String engine, String createQuery) {
    }

    /** One node's answer to an ON CLUSTER statement: status null when it did not answer in time. */
    public record DdlNodeAnswer(String node, Long status, String error) {
        public boolean answered() {
            return status != null;
        }
    }

    /**
     * Blocks a node's Distributed table still holds for one replica ({@code system.distribution_queue}): one queue
     * folder per destination, {@code shardS_replicaR} with {@code internal_replication=false}.
     */
    public record QueuedBlocks(int shard, int replica, long files, long errors, String lastError) {
    }

    private static final Pattern QUEUE_FOLDER =
            Pattern.compile(".*/shard(\\d+)_replica(\\d+)/?$");

    /** What the Distributed table {@code table} of the connected database queues, per destination replica. */
    public static List<QueuedBlocks> distributionQueue(Database db, String table) {
        QueryResult result = db.query("SELECT data_path, data_files, error_count, last_exception "
                + "FROM system.distribution_queue WHERE database = currentDatabase() AND table = ? ORDER BY data_path",
                table);
        List<QueuedBlocks> queue = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Matcher folder = QUEUE_FOLDER.matcher(String.valueOf(row.get(0)));
            if (!folder.matches()) {
                continue;
            }
            String error = String.valueOf(row.get(3));
            queue.add(new QueuedBlocks(Integer.parseInt(folder.group(1)), Integer.parseInt(folder.group(2)),
                    ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue(),
                    error.isBlank() ? null : error));
        }
        return queue;
    }

    /** The nodes of {@code cluster} in shard and replica order; empty when the server does not know it. */
    public static List<ListedNode> nodes(Database server, String cluster) {
        QueryResult result = server.query("SELECT shard_num, replica_num, host_name, port FROM system.clusters "
                + "WHERE cluster = ? ORDER BY shard_num, replica_num", cluster);
        List<ListedNode> nodes = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            nodes.add(new ListedNode(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue(),
                    String.valueOf(row.get(2)), ((Number) row.get(3)).intValue()));
        }
        return nodes;
    }

    /** The nodes that answer a query through {@code clusterAllReplicas}, each as it names itself. */
    public static List<String> answering(Database server, String cluster) {
        QueryResult result = server.runWithSettings("SELECT DISTINCT " + NODE + " AS node FROM clusterAllReplicas("
                + SqlLiterals.string(cluster) + ", system.one) ORDER BY node", Map.of("skip_unavailable_shards", "1"));
        return result.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** Every table and view of {@code database} on every replica of {@code cluster} that answers. */
    public static List<NodeTable> tables(Database server, String cluster, String database) {
        QueryResult result = server.runWithSettings("SELECT " + NODE + " AS node, name, engine, create_table_query "
                + "FROM clusterAllReplicas(" + SqlLiterals.string(cluster) + ", system.tables) WHERE database = "
                + SqlLiterals.string(database) + " ORDER BY node, name", Map.of("skip_unavailable_shards", "1"));
        List<NodeTable> tables = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            tables.add(new NodeTable(String.valueOf(row.get(0)), String.valueOf(row.get(1)),
                    String.valueOf(row.get(2)), String.valueOf(row.get(3))));
        }
        return tables;
    }

    /**
     * Runs an {@code ON CLUSTER} statement and waits at most {@code timeout} for every node; the answer has one row
     * per node (status 0 done, another number its error code, null not finished in time: the node goes on in the
     * background when it comes back).
     */
    public static List<DdlNodeAnswer> onCluster(Database server, String sql, Duration timeout) {
        QueryResult result = server.runWithSettings(sql, Map.of(
                "distributed_ddl_task_timeout", String.valueOf(Math.max(1, timeout.toSeconds())),
                "distributed_ddl_output_mode", "null_status_on_timeout"));
        int host = result.columns().indexOf("host");
        int port = result.columns().indexOf("port");
        int status = result.columns().indexOf("status");
        int error = result.columns().indexOf("error");
        List<DdlNodeAnswer> answers = new ArrayList<>();
        if (host < 0 || status < 0) {
            return answers;
        }
        for (List<Object> row : result.rows()) {
            Object s = row.get(status);
            answers.add(new DdlNodeAnswer(row.get(host) + (port < 0 ? "" : ":" + row.get(port)),
                    s == null ? null : ((Number) s).longValue(), error < 0 || row.get(error) == null ? null
                    : String.valueOf(row.get(error))));
        }
        return answers;
    }
}
