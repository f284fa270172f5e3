package dev.mvlab.graph;

import dev.mvlab.model.Node;
import dev.mvlab.template.ParameterValues;

/**
 * Turns a node's SQL (a Tinybird template or plain SQL) into plain ClickHouse SQL. Positions are kept: a line of the
 * result is the same line of the node's SQL.
 */
public interface NodeRendering {
    /**
     * @param call the request's parameters for an endpoint call, or null without a request (defaults: what check,
     *             apply and materialized views use)
     * @throws dev.mvlab.template.TemplateException for a call with a bad or missing parameter (Tinybird's error)
     */
    String render(Node node, ParameterValues call);
}
