package dev.mvlab.model;

import java.util.List;
import java.util.Optional;

/**
 * A {@code .pipe} file: nodes in order. The node with a TYPE gives the pipe its type; a pipe without TYPE is an
 * endpoint whose output is its last node (Tinybird's Classic semantics).
 */
public record Pipe(String name, String description, List<String> tags, List<String> tokens, List<Node> nodes,
                   SourceLocation location) {

    /** The node that materializes, copies, exports or publishes: the typed node, else the last node. */
    public Optional<Node> outputNode() {
        return nodes.stream().filter(n -> n.type() != NodeType.STANDARD).findFirst()
                .or(() -> nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(nodes.size() - 1)));
    }

    /** What the pipe does: its typed node's TYPE, or ENDPOINT for a pipe without TYPE. */
    public NodeType outputType() {
        return nodes.stream().map(Node::type).filter(t -> t != NodeType.STANDARD).findFirst()
                .orElse(NodeType.ENDPOINT);
    }
}
