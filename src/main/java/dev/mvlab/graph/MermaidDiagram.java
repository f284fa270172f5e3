package dev.mvlab.graph;

/**
 * The data flow as a Mermaid flowchart: tables as cylinders, materialized views as hexagons, endpoint views as
 * rounded boxes and copy pipes as parallelograms. Ids get a prefix so names such as {@code end} cannot clash with
 * Mermaid keywords.
 */
public final class MermaidDiagram {
    private MermaidDiagram() {
    }

    public static String of(ProjectGraph graph) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (ProjectObject o : graph.objects()) {
            out.append("    ").append(id(o)).append(shape(o)).append('\n');
        }
        for (ProjectObject o : graph.objects()) {
            for (ProjectObject source : graph.upstream(o.name())) {
                out.append("    ").append(id(source)).append(" --> ").append(id(o)).append('\n');
            }
            if (o.kind() == ObjectKind.COPY && o.writes() != null) {
                graph.object(o.writes()).ifPresent(t -> out.append("    ").append(id(o)).append(" -.-> ")
                        .append(id(t)).append('\n'));
            }
        }
        return out.toString();
    }

    private static String id(ProjectObject o) {
        return (o.kind() == ObjectKind.TABLE ? "ds_" : "pipe_") + o.name();
    }

    private static String shape(ProjectObject o) {
        String label = "\"" + o.name() + "\"";
        return switch (o.kind()) {
            case TABLE -> "[(" + label + ")]";
            case MATERIALIZED_VIEW -> "{{" + label + "}}";
            case VIEW -> "(" + label + ")";
            case COPY -> "[/" + label + "/]";
        };
    }
}
