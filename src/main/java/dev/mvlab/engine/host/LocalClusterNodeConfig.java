package dev.mvlab.engine.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node of the local cluster adds to its chDB config (ENGINE.md, "A local cluster"): the {@code shard} and
 * {@code replica} macros, a {@code remote_servers} cluster whose shards list their replicas' native ports with
 * {@code internal_replication=false} (a Distributed table writes each block to every replica: no Keeper), a
 * Distributed send pool (clickhouse-local's default of 0 would keep every asynchronous block in the queue) and a
 * memory limit (each node would otherwise take 90% of the machine's memory); and the settings of the nodes' default
 * profile ({@link #PROFILE_SETTINGS}), which every node's connections to its peers take.
 *
 * @param shardPorts the native TCP ports of every node, by shard then replica (decided before any node starts)
 */
record LocalClusterNodeConfig(String clusterName, int shard, int replica, List<List<Integer>> shardPorts,
                              long memoryBytes) {
    static final int DISTRIBUTED_POOL = 4;

    /**
     * The default profile of every node (docs/clusters.md, "chDB aborts"): this build of chDB aborts a node whose
     * native-protocol handler loses its client at the wrong moment, and ClickHouse's defaults make a node abandon
     * connections to its peers on a busy machine: a hedged read opens a second connection after 50 ms and cancels
     * the slower one, an asynchronous remote query or socket gives up on a peer that is slow to answer, a connect or
     * handshake times out. A node on the same machine is never "slow" in the sense these settings mean.
     */
    static final Map<String, String> PROFILE_SETTINGS = profileSettings();

    private static Map<String, String> profileSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("use_hedged_requests", "0");
        settings.put("async_query_sending_for_remote", "0");
        settings.put("async_socket_for_remote", "0");
        settings.put("connect_timeout_with_failover_ms", "5000");
        settings.put("handshake_timeout_ms", "30000");
        return Collections.unmodifiableMap(settings);
    }

    /** The nodes' default profile's settings as users.xml elements. */
    static String profileSettingsXml() {
        StringBuilder xml = new StringBuilder();
        PROFILE_SETTINGS.forEach((k, v) -> xml.append('<').append(k).append('>').append(v).append("</").append(k)
                .append('>'));
        return xml.toString();
    }

    LocalClusterNodeConfig {
        shardPorts = shardPorts.stream().map(List::copyOf).toList();
    }

    /** This node's native TCP port. */
    int tcpPort() {
        return shardPorts.get(shard - 1).get(replica - 1);
    }

    String xml() {
        StringBuilder servers = new StringBuilder();
        for (List<Integer> replicas : shardPorts) {
            servers.append("<shard><internal_replication>false</internal_replication>");
            replicas.forEach(p -> servers.append("<replica><host>127.0.0.1</host><port>").append(p)
                    .append("</port></replica>"));
            servers.append("</shard>");
        }
        return "<macros><shard>" + shard + "</shard><replica>" + replica + "</replica></macros>"
                + "<background_distributed_schedule_pool_size>" + DISTRIBUTED_POOL
                + "</background_distributed_schedule_pool_size>"
                + "<max_server_memory_usage>" + memoryBytes + "</max_server_memory_usage>"
                + "<remote_servers><" + clusterName + ">" + servers + "</" + clusterName + "></remote_servers>";
    }
}
