package dev.mvlab.serve;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.render.EndpointSql;
import dev.mvlab.render.MissingSecretException;
import dev.mvlab.render.SecretParameters;
import dev.mvlab.template.ParameterValues;
import dev.mvlab.template.TemplateException;
import dev.mvlab.template.TemplateParameter;
import dev.mvlab.template.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint pipes of a project graph: their parameters as the templates declare them, and the SQL of a call,
 * rendered by the project's {@link EndpointSql} with the request's parameters (absent ones take their defaults), and
 * the values of the secrets it uses (the environment's TB_SECRET_NAME, the project's .mvlab/secrets.properties).
 */
public final class ProjectEndpoints implements Endpoints {
    private final ProjectGraph graph;
    private final EndpointSql endpointSql;
    private final SecretParameters secrets;
    private final List<Endpoint> endpoints;

    public ProjectEndpoints(ProjectGraph graph) {
        this.graph = graph;
        this.endpointSql = new EndpointSql(graph);
        this.secrets = SecretParameters.forProject(graph.project().root());
        this.endpoints = graph.project().pipes().stream().filter(p -> p.outputType() == NodeType.ENDPOINT)
                .map(p -> new Endpoint(p.name(), p.description(), params(p))).toList();
    }

    @Override
    public List<Endpoint> list() {
        return endpoints;
    }

    @Override
    public Call call(String pipe, Map<String, List<String>> params) {
        String sql = sql(pipe, params);
        try {
            return new Call(sql, secrets.of(sql, "endpoint " + pipe));
        } catch (MissingSecretException e) {
            throw new ApiException(400, e.getMessage() + " (" + e.hint() + ")");
        }
    }

    private String sql(String pipe, Map<String, List<String>> params) {
        if (endpoints.stream().noneMatch(e -> e.name().equals(pipe))) {
            throw ApiException.notFound("The pipe '" + pipe + "' does not exist or is not published as an endpoint");
        }
        try {
            return endpointSql.sql(pipe, ParameterValues.ofLists(params));
        } catch (TemplateException e) {
            int status = e.kind() == TemplateException.Kind.RAISED ? e.httpStatus() : 400;
            if (e.customBody() != null) {
                throw new ApiException(status, e.customBody(), true);
            }
            throw new ApiException(status, e.tinybirdError() != null ? e.tinybirdError() : e.reason());
        } catch (MvlabException e) {
            throw new ApiException(e.exitCode() == ExitCode.USAGE ? 404 : 400, e.getMessage());
        }
    }

    private static List<EndpointParam> params(Pipe pipe) {
        Map<String, EndpointParam> params = new LinkedHashMap<>();
        for (Node node : pipe.nodes()) {
            if (!Templates.isTemplate(node.sql())) {
                continue;
            }
            List<TemplateParameter> declared;
            try {
                declared = Templates.parse(node.sql(), node.sqlLocation()).parameters();
            } catch (TemplateException e) {
                declared = new ArrayList<>();
            }
            for (TemplateParameter p : declared) {
                params.putIfAbsent(p.name(), new EndpointParam(p.name(), p.type(), p.defaultValue(), p.description(),
                        p.required()));
            }
        }
        return List.copyOf(params.values());
    }

    /** The graph the endpoints come from. */
    public ProjectGraph graph() {
        return graph;
    }
}
