package dev.mvlab.deploy;

import java.util.List;

/**
 * What {@link ClusterNodeDiff} found on the nodes of a cluster.
 *
 * @param nodes       the nodes that answered, each as it names itself (host:port)
 * @param silentNodes the nodes remote_servers lists that did not answer (as remote_servers names them)
 * @param issues      an object missing, defined differently or extra, by node
 */
public record ClusterDiffResult(String cluster, String database, List<String> nodes, List<String> silentNodes,
                                List<Issue> issues) {

    public ClusterDiffResult {
        nodes = List.copyOf(nodes);
        silentNodes = List.copyOf(silentNodes);
        issues = List.copyOf(issues);
    }

    /** One object on one node. */
    public record Issue(String object, String node, Status status, String detail) {
    }

    public enum Status {
        /** The files define it; this node lacks it. */
        MISSING,
        /** This node defines it otherwise than most nodes do. */
        DIFFERENT,
        /** This node has it; the files do not define it (listed, not counted unless strict). */
        EXTRA
    }

    /** True when every listed node answered and holds every object the same way (extra ones count if strict). */
    public boolean clean(boolean strict) {
        return silentNodes.isEmpty() && issues.stream().noneMatch(i -> strict || i.status() != Status.EXTRA);
    }
}
