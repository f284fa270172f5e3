package dev.mvlab.graph;

import dev.mvlab.model.Node;
import dev.mvlab.model.Pipe;

import java.util.List;

/**
 * The query of a pipe's output node: the earlier nodes it reaches (in pipe order) and the output node last.
 * Nodes the output does not reach are left out.
 */
public record PipeQuery(Pipe pipe, List<QueryNode> nodes) {
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
