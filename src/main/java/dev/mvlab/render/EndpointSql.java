package dev.mvlab.render;

import dev.mvlab.graph.ProjectGraph;

import dev.mvlab.template.ParameterValues;
import dev.mvlab.template.TemplateParameter;

import java.util.List;

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
     * @throws dev.mvlab.template.TemplateException with Tinybird's error when a parameter is missing or invalid
     */
    public String sql(String pipe, ParameterValues parameters) {
        dev.mvlab.graph.PipeQuery query = graph.endpointQuery(pipe, parameters);
        return CompatibilitySettings.apply(QueryText.of(query), query.dynamicColumns());
    }

    /** The parameters the endpoint declares (its own nodes' and those of the pipes it reads), each once. */
    public List<TemplateParameter> parameters(String pipe) {
        return graph.endpointParameters(pipe);
    }
}
