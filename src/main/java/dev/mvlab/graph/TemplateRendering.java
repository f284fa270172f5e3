package dev.mvlab.graph;

import dev.mvlab.model.Node;

import java.nio.file.Path;
import java.util.Map;

/** Renders node templates with Tinybird's template language; errors point at the datafile. */
final class TemplateRendering implements NodeRendering {
    private final Path root;

    TemplateRendering(Path root) {
        this.root = root;
    }

    @Override
    public String render(Node node, Map<String, String> parameters) {
        try {
            return TinybirdTemplate.expand(node.sql());
        } catch (TinybirdTemplate.Unsupported e) {
            throw GraphErrors.at(root, GraphErrors.inSql(node, node.sql(), e.offset), e.getMessage(), e.hint);
        }
    }
}
