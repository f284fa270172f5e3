package dev.mvlab.deploy;

import dev.mvlab.clickhouse.ClusterCatalog;
import dev.mvlab.clickhouse.ClusterCatalog.ListedNode;
import dev.mvlab.clickhouse.ClusterCatalog.NodeTable;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.ClusterTarget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares every node of a cluster with the objects the project defines there ({@link #expectedNames}): an object
 * missing on a node, or defined on a node otherwise than on most nodes, is reported with that node; a node
 * remote_servers lists that does not answer is reported too. It reads the nodes through the connected node
 * ({@code clusterAllReplicas}), so it needs no connection of its own to each node.
 */
public final class ClusterNodeDiff {
    private final Database server;
    private final ClusterTarget target;

    public ClusterNodeDiff(Database server, ClusterTarget target) {
        this.server = server;
        this.target = target;
    }

    public ClusterDiffResult run(ProjectGraph graph, String database) {
        List<ListedNode> listed = ClusterCatalog.nodes(server, target.name());
        if (listed.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "the server knows no cluster `" + target.name() + "`",
                    "the cluster name of --cluster must be the one the servers' remote_servers config gives");
        }
        List<String> answering = ClusterCatalog.answering(server, target.name());
        List<String> silent = listed.stream().filter(n -> !answered(n, answering)).map(ListedNode::toString).toList();
        return compare(target.name(), database, expectedNames(graph, target), answering, silent,
                ClusterCatalog.tables(server, target.name(), database));
    }

    /**
     * Compares nodes that mvlab reaches one by one (its local cluster, whose nodes it knows by name): each node's
     * tables are read over that node's own connection, so this needs no {@code clusterAllReplicas} (nor the
     * {@code REMOTE} grant it takes, which the local cluster's doors do not give).
     *
     * @param nodes  the running nodes by name, each a connection to its server
     * @param silent the nodes that are not running, by name
     */
    public static ClusterDiffResult run(ClusterTarget target, ProjectGraph graph, String database,
                                        Map<String, Database> nodes, List<String> silent) {
        List<NodeTable> tables = new ArrayList<>();
        nodes.forEach((node, db) -> ServerCatalog.of(db).tables(database).forEach(t -> tables.add(
                new NodeTable(node, t.name(), t.engine(), t.createTableQuery()))));
        return compare(target.name(), database, expectedNames(graph, target), List.copyOf(nodes.keySet()), silent,
                tables);
    }

    /** The objects each node holds for the project: local tables, Distributed tables, views, in apply order. */
    public static List<String> expectedNames(ProjectGraph graph, ClusterTarget target) {
        Set<String> names = new LinkedHashSet<>();
        for (ProjectObject object : graph.applyOrder()) {
            switch (object.kind()) {
                case TABLE -> {
                    names.add(target.localName(object.name()));
                    names.add(object.name());
                }
                case MATERIALIZED_VIEW, VIEW -> names.add(object.name());
                case COPY -> {
                }
            }
        }
        return List.copyOf(names);
    }

    /** The comparison itself, from what the nodes answered. */
    static ClusterDiffResult compare(String cluster, String database, List<String> expected, List<String> nodes, List<String> silent,
                                     List<NodeTable> tables) {
        Map<String, Map<String, NodeTable>> byNode = new TreeMap<>();
        nodes.forEach(n -> byNode.put(n, new TreeMap<>()));
        for (NodeTable table : tables) {
            byNode.computeIfAbsent(table.node(), n -> new TreeMap<>()).put(table.name(), table);
        }
        List<ClusterDiffResult.Issue> issues = new ArrayList<>();
        for (String name : expected) {
            Map<String, NodeTable> holders = new LinkedHashMap<>();
            byNode.forEach((node, own) -> {
                if (own.containsKey(name)) {
                    holders.put(node, own.get(name));
                } else {
                    issues.add(new ClusterDiffResult.Issue(name, node, ClusterDiffResult.Status.MISSING,
                            "missing on " + node));
                }
            });
            issues.addAll(different(name, holders));
        }
        Set<String> wanted = Set.copyOf(expected);
        byNode.forEach((node, own) -> own.keySet().stream().filter(n -> !wanted.contains(n))
                .forEach(n -> issues.add(new ClusterDiffResult.Issue(n, node, ClusterDiffResult.Status.EXTRA,
                        "not defined by the files"))));
        return new ClusterDiffResult(cluster, database, List.copyOf(byNode.keySet()), silent, issues);
    }

    /** The holders whose definition differs from the one most nodes have. */
    private static List<ClusterDiffResult.Issue> different(String name, Map<String, NodeTable> holders) {
        Map<String, Long> counts = holders.values().stream().collect(Collectors.groupingBy(NodeTable::createQuery,
                LinkedHashMap::new, Collectors.counting()));
        if (counts.size() <= 1) {
            return List.of();
        }
        String usual = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
        NodeTable model = holders.values().stream().filter(t -> t.createQuery().equals(usual)).findFirst()
                .orElseThrow();
        List<ClusterDiffResult.Issue> issues = new ArrayList<>();
        holders.values().stream().filter(t -> !t.createQuery().equals(usual))
                .sorted(Comparator.comparing(NodeTable::node)).forEach(t -> issues.add(new ClusterDiffResult.Issue(
                        name, t.node(), ClusterDiffResult.Status.DIFFERENT, !t.engine().equals(model.engine())
                        ? "engine " + t.engine() + " on " + t.node() + ", " + model.engine() + " on "
                        + counts.get(usual) + " other node(s)"
                        : "defined otherwise on " + t.node() + ": '" + t.createQuery() + "'; on "
                        + counts.get(usual) + " other node(s): '" + usual + "'")));
        return issues;
    }

    /** A listed node answered when one answering node has its port and its host (or the listed host is loopback). */
    private static boolean answered(ListedNode listed, List<String> answering) {
        for (String node : answering) {
            int colon = node.lastIndexOf(':');
            String host = node.substring(0, colon);
            String port = node.substring(colon + 1);
            if (!port.equals(String.valueOf(listed.port()))) {
                continue;
            }
            if (host.equalsIgnoreCase(listed.host()) || host.split("\\.")[0].equalsIgnoreCase(
                    listed.host().split("\\.")[0]) || isLoopback(listed.host())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
