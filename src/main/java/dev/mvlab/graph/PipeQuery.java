package dev.mvlab.graph;

import dev.mvlab.model.Node;
import dev.mvlab.model.Pipe;

import java.util.List;
import java.util.Set;

/**
 * The query of one node of a pipe (usually its output node): the earlier nodes it reaches (in pipe order) and the
 * node last. Nodes it does not reach are left out. {@code inlined} are the endpoint pipes it reads, whose queries
 * go in front of it under the pipes' names, as Tinybird inlines them. {@code dynamicColumns}: the Variant, Dynamic and JSON
 * columns of the data sources it reads (see {@link TinybirdCompatibility}).
 */
public record PipeQuery(Pipe pipe, List<QueryNode> nodes, List<PipeQuery> inlined, Set<String> dynamicColumns) {

    public PipeQuery(Pipe pipe, List<QueryNode> nodes) {
        this(pipe, nodes, List.of(), Set.of());
    }

    public PipeQuery(Pipe pipe, List<QueryNode> nodes, List<PipeQuery> inlined) {
        this(pipe, nodes, inlined, Set.of());
    }

    public QueryNode output() {
        return nodes.get(nodes.size() - 1);
    }

    /** The nodes before the output node that it reads, directly or through each other. */
    public List<QueryNode> earlier() {
        return nodes.subList(0, nodes.size() - 1);
    }

    public Node outputNode() {
        return output().node();
    }
}
