package dev.mvlab.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data flow as a text tree: each data source that no pipe writes is a root; under a table come the pipes that
 * read it, and a materialized or copy pipe shows the table it writes ({@code ==>}) with that table's readers under it.
 * A pipe reached a second time (it reads several tables) is shown once more, marked {@code (see above)}.
 */
public final class LineageText {
    private LineageText() {
    }

    public static String of(ProjectGraph graph) {
        StringBuilder out = new StringBuilder();
        Set<String> shown = new HashSet<>();
        for (ProjectObject root : roots(graph)) {
            out.append(root.name()).append(label(root)).append('\n');
            children(graph, root, "", shown, out);
        }
        return out.toString();
    }

    private static List<ProjectObject> roots(ProjectGraph graph) {
        return graph.objects().stream()
                .filter(o -> o.kind() == ObjectKind.TABLE && graph.upstream(o.name()).isEmpty()
                        && graph.objects().stream().noneMatch(p -> p.kind() == ObjectKind.COPY
                        && o.name().equals(p.writes())))
                .toList();
    }

    private static void children(ProjectGraph graph, ProjectObject table, String indent, Set<String> shown,
                                 StringBuilder out) {
        List<ProjectObject> readers = graph.downstream(table.name()).stream()
                .filter(reader -> !table.name().equals(reader.writes())).toList();
        for (int i = 0; i < readers.size(); i++) {
            ProjectObject pipe = readers.get(i);
            boolean last = i == readers.size() - 1;
            out.append(indent).append(last ? "└── " : "├── ").append(pipe.name()).append(" [")
                    .append(pipe.kind().label()).append(']');
            if (pipe.writes() != null) {
                out.append(" ==> ").append(pipe.writes());
            }
            List<ProjectObject> others = graph.upstream(pipe.name()).stream()
                    .filter(o -> !o.name().equals(table.name()) && !o.name().equals(pipe.writes())).toList();
            if (!others.isEmpty()) {
                out.append(" (also reads ").append(String.join(", ", others.stream().map(ProjectObject::name)
                        .toList())).append(')');
            }
            if (!shown.add(pipe.name())) {
                out.append(" (see above)\n");
                continue;
            }
            out.append('\n');
            String childIndent = indent + (last ? "    " : "│   ");
            if (pipe.writes() != null) {
                graph.object(pipe.writes()).ifPresent(target -> children(graph, target, childIndent, shown, out));
            } else {
                children(graph, pipe, childIndent, shown, out);
            }
        }
    }

    private static String label(ProjectObject object) {
        return object.inlineTable() ? " [table, defined inline]" : "";
    }
}
