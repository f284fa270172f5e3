package dev.mvlab.report;

import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What feeds what: tables, the views that fire on their inserts and write into other tables, views and
 * dictionaries that read them, with the objects a lesson is about marked as focus. Drawn as a Mermaid flowchart.
 */
public record Lineage(List<Node> nodes, List<Edge> edges) {

    public enum Kind {
        TABLE, MATERIALIZED_VIEW, REFRESHABLE_VIEW, VIEW, DICTIONARY, COPY
    }

    /** How one object feeds another: an insert trigger, a write, or a plain read (a JOIN, a dictionary load). */
    public enum Flow {
        TRIGGERS, WRITES, READS
    }

    public record Node(String name, Kind kind, boolean focus) {
    }

    public record Edge(String from, String to, Flow flow) {
    }

    public Lineage {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The lineage of a project's datafiles, with {@code focus} (names) marked. */
    public static Lineage of(ProjectGraph graph, Set<String> focus) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (ProjectObject o : graph.objects()) {
            nodes.add(new Node(o.name(), kind(o.kind()), focus.contains(o.name())));
            for (ProjectObject source : graph.upstream(o.name())) {
                if (!o.name().equals(source.writes())) {
                    edges.add(new Edge(source.name(), o.name(), source.kind() == ObjectKind.TABLE
                            && o.kind() == ObjectKind.MATERIALIZED_VIEW ? Flow.TRIGGERS : Flow.READS));
                }
            }
            if (o.writes() != null && graph.object(o.writes()).isPresent()) {
                edges.add(new Edge(o.name(), o.writes(), Flow.WRITES));
            }
        }
        return new Lineage(nodes, edges);
    }

    private static Kind kind(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> Kind.TABLE;
            case MATERIALIZED_VIEW -> Kind.MATERIALIZED_VIEW;
            case VIEW -> Kind.VIEW;
            case COPY -> Kind.COPY;
        };
    }

    /** The flowchart in Mermaid's syntax; focus objects get the {@code focus} class. */
    public String mermaid() {
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node node : nodes) {
            String id = "n" + ids.size();
            ids.put(node.name(), id);
            out.append("    ").append(id).append(shape(node)).append('\n');
        }
        for (Edge edge : edges) {
            String from = ids.get(edge.from());
            String to = ids.get(edge.to());
            if (from != null && to != null) {
                out.append("    ").append(from).append(edge.flow() == Flow.READS ? " -.-> " : " --> ").append(to)
                        .append('\n');
            }
        }
        out.append("    classDef focus fill:#fde68a,stroke:#b45309,stroke-width:3px\n");
        List<String> focus = nodes.stream().filter(Node::focus).map(n -> ids.get(n.name())).toList();
        if (!focus.isEmpty()) {
            out.append("    class ").append(String.join(",", focus)).append(" focus\n");
        }
        return out.toString();
    }

    private static String shape(Node node) {
        String label = "\"" + node.name().replace("\"", "#quot;") + "\"";
        return switch (node.kind()) {
            case TABLE -> "[(" + label + ")]";
            case MATERIALIZED_VIEW -> "{{" + label + "}}";
            case REFRESHABLE_VIEW -> "[[" + label + "]]";
            case VIEW -> "(" + label + ")";
            case DICTIONARY -> "[\\" + label + "\\]";
            case COPY -> "[/" + label + "/]";
        };
    }
}
