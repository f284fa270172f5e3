package dev.mvlab.render;

import dev.mvlab.graph.ProjectGraph;

import java.util.Map;

/**
 * The SQL an endpoint call runs: {@code GET /v0/pipes/NAME.json?params} runs exactly {@link #sql}. The endpoint node
 * and every node and pipe it reads are rendered with the same parameters; absent parameters take their defaults.
 */
public final class EndpointSql {
    private final ProjectGraph graph;

    public EndpointSql(ProjectGraph graph) {
        this.graph = graph;
    }

    /**
     * @throws dev.mvlab.errors.MvlabException USAGE when {@code pipe} is not an endpoint pipe of the project;
     *                                          DATAFILE with Tinybird's message when a parameter value is invalid
     */
    public String sql(String pipe, Map<String, String> parameters) {
        return QueryText.of(graph.endpointQuery(pipe, parameters));
    }
}
