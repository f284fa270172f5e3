package dev.mvlab.graph;

import dev.mvlab.model.Node;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.template.ParameterValues;
import dev.mvlab.template.RenderMode;
import dev.mvlab.template.Secrets;
import dev.mvlab.template.Template;
import dev.mvlab.template.TemplateException;
import dev.mvlab.template.Templates;

import java.nio.file.Path;
import java.util.Map;
import java.util.Collections;
import java.util.IdentityHashMap;

/**
 * Renders node SQL with Tinybird's template language ({@link Templates}). Each node's template is parsed once and
 * kept, so a graph renders endpoint calls without parsing again. Secrets come from the environment or the project's
 * git-ignored secrets file. Without a request, a template error is the datafile's: an error at its file:line.
 */
final class TemplateRendering implements NodeRendering {
    private final Path root;
    private final Secrets secrets;
    private final Map<Node, Template> parsed = Collections.synchronizedMap(new IdentityHashMap<>());

    TemplateRendering(Path root) {
        this.root = root;
        this.secrets = Secrets.forProject(root);
    }

    @Override
    public String render(Node node, ParameterValues call) {
        try {
            Template template = template(node);
            return call == null ? template.renderDefaults(secrets) : template.render(RenderMode.CALL, call, secrets);
        } catch (TemplateException e) {
            if (call != null || e.location() == null) {
                throw e;
            }
            throw GraphErrors.at(root, e.location(), e.reason(), e.hint());
        }
    }

    /** The node's parsed template. */
    Template template(Node node) {
        return parsed.computeIfAbsent(node, n -> {
            SourceLocation origin = n.sqlLocation() != null ? n.sqlLocation() : n.location();
            return Templates.parse(n.sql(), origin);
        });
    }
}
