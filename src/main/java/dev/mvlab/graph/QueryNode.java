package dev.mvlab.graph;

import dev.mvlab.model.Node;

/**
 * A node of a pipe as it goes into SQL.
 *
 * @param sql  the node's SQL as plain ClickHouse SQL: templates expanded, without a trailing semicolon
 * @param name the name it has in the SQL: the node's, or for a node that a later node of the same name shadows, that
 *             name with a {@code __N} suffix (see {@link PipeResolver})
 */
public record QueryNode(Node node, String sql, String name) {
    public QueryNode(Node node, String sql) {
        this(node, sql, node.name());
    }
}
