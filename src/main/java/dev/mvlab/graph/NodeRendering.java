package dev.mvlab.graph;

import dev.mvlab.model.Node;

import java.util.Map;

/**
 * Turns a node's SQL (a Tinybird template or plain SQL) into plain ClickHouse SQL for a set of parameters; with no
 * parameters, every parameter takes its default (what check, apply and materialized views use). Positions are kept:
 * a line of the result is the same line of the node's SQL.
 */
@FunctionalInterface
public interface NodeRendering {
    String render(Node node, Map<String, String> parameters);
}
