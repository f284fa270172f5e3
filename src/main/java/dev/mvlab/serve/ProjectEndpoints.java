package dev.mvlab.serve;

import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.NodeType;
import dev.mvlab.render.SqlRenderer;

import java.util.List;
import java.util.Map;

/**
 * The endpoints of a project graph, rendered by the project's SQL renderer. Interim: the renderer renders a template
 * with its defaults only, so parameters are not applied yet; the template evaluator replaces this behaviour.
 */
public final class ProjectEndpoints implements Endpoints {
    private final ProjectGraph graph;
    private final SqlRenderer renderer;

    public ProjectEndpoints(ProjectGraph graph, SqlRenderer renderer) {
        this.graph = graph;
        this.renderer = renderer;
    }

    @Override
    public List<Endpoint> list() {
        return graph.objects().stream().filter(ProjectEndpoints::isEndpoint)
                .map(o -> new Endpoint(o.name(), o.query().pipe().description(), List.of())).toList();
    }

    @Override
    public String sql(String pipe, Map<String, String> params) {
        ProjectObject object = graph.object(pipe).filter(ProjectEndpoints::isEndpoint)
                .orElseThrow(() -> ApiException.notFound("The pipe '" + pipe + "' does not exist or is not published"
                        + " as an endpoint"));
        return renderer.select(object);
    }

    private static boolean isEndpoint(ProjectObject o) {
        return o.kind() == ObjectKind.VIEW && o.query() != null
                && o.query().outputNode().type() == NodeType.ENDPOINT;
    }
}
