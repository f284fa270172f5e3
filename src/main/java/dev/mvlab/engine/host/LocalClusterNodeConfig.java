package dev.mvlab.engine.host;

import java.util.List;

/**
 * What a node of the local cluster adds to its chDB config (ENGINE.md, "A local cluster"): the {@code shard} and
 * {@code replica} macros, a {@code remote_servers} cluster whose shards list their replicas' native ports with
 * {@code internal_replication=false} (a Distributed table writes each block to every replica: no Keeper), a
 * Distributed send pool (clickhouse-local's default of 0 would keep every asynchronous block in the queue) and a
 * memory limit (each node would otherwise take 90% of the machine's memory).
 *
 * @param shardPorts the native TCP ports of every node, by shard then replica (decided before any node starts)
 */
record LocalClusterNodeConfig(String clusterName, int shard, int replica, List<List<Integer>> shardPorts,
                              long memoryBytes) {
    static final int DISTRIBUTED_POOL = 4;

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
