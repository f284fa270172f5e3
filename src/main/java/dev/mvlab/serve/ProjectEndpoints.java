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
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * The call (SQL and secrets' values) of each (endpoint, parameters) already rendered: rendering resolves the
     * pipe's nodes again, and finding the secrets tokenizes the SQL, a large part of an endpoint call's CPU. The graph
     * never changes while serve runs, the secrets are read once and rendering reads nothing else, so a call is valid
     * for good; past {@value #RENDERED_MAX} the cache starts over.
     */
    private final Map<RenderedKey, Call> rendered = new ConcurrentHashMap<>();
    private static final int RENDERED_MAX = 1024;

    /** An endpoint and the parameters of a call, copied. */
    private record RenderedKey(String pipe, Map<String, List<String>> params) {
        static RenderedKey of(String pipe, Map<String, List<String>> params) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            params.forEach((k, v) -> copy.put(k, v == null ? null : new ArrayList<>(v)));
            return new RenderedKey(pipe, copy);
        }
    }

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
        RenderedKey key = RenderedKey.of(pipe, params);
        Call known = rendered.get(key);
        if (known != null) {
            return known;
        }
        String sql = render(pipe, params);
        Call call;
        try {
            call = new Call(sql, secrets.of(sql, "endpoint " + pipe));
        } catch (MissingSecretException e) {
            throw new ApiException(400, e.getMessage() + " (" + e.hint() + ")");
        }
        if (rendered.size() >= RENDERED_MAX) {
            rendered.clear();
        }
        rendered.put(key, call);
        return call;
    }

    private String render(String pipe, Map<String, List<String>> params) {
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
