package dev.mvlab.graph;

import dev.mvlab.model.Node;

/**
 * A node of a pipe as it goes into SQL.
 *
 * @param sql the node's SQL as plain ClickHouse SQL: templates expanded, without a trailing semicolon
 */
public record QueryNode(Node node, String sql) {
    public String name() {
        return node.name();
    }
}
