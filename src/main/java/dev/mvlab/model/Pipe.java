package dev.mvlab.model;

import java.util.List;
import java.util.Optional;

/** A {@code .pipe} file: nodes in order, the last of which usually gives the pipe its type. */
public record Pipe(String name, String description, List<String> tags, List<String> tokens, List<Node> nodes,
                   SourceLocation location) {

    /** The node that materializes, copies or publishes, if any. */
    public Optional<Node> outputNode() {
        return nodes.stream().filter(n -> n.type() != NodeType.STANDARD).findFirst();
    }
}
