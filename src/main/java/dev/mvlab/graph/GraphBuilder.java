package dev.mvlab.graph;

import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.SourceLocation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link ProjectGraph} of a parsed project: one object per data source, per table a materialized pipe
 * defines inline, and per materialized, endpoint and copy pipe, with what each reads and writes. Every name is checked:
 * duplicate or invalid names, unknown tables, targets that are not data sources and cycles are errors at file:line.
 */
public final class GraphBuilder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Project project;
    private final Map<String, SourceLocation> declared = new LinkedHashMap<>();
    private final Map<String, PipeResolver.NameKind> kinds = new LinkedHashMap<>();

    private GraphBuilder(Project project) {
        this.project = project;
    }

    public static ProjectGraph build(Project project) {
        return new GraphBuilder(project).build();
    }

    private ProjectGraph build() {
        Map<String, Node> inlineTargets = inlineTargets();
        List<DataSource> files = project.datasources().stream().filter(ds -> !isInline(ds, inlineTargets)).toList();
        for (DataSource ds : files) {
            declare(ds.name(), ds.location(), "data source");
            kinds.put(ds.name(), PipeResolver.NameKind.TABLE);
        }
        for (Pipe pipe : project.pipes()) {
            declare(pipe.name(), pipe.location(), "pipe");
            pipe.nodes().forEach(n -> checkName(n.name(), n.location(), "node"));
            kinds.put(pipe.name(), pipeKind(pipe));
        }
        for (Map.Entry<String, Node> inline : inlineTargets.entrySet()) {
            declare(inline.getKey(), inline.getValue().location(), "data source");
            kinds.put(inline.getKey(), PipeResolver.NameKind.TABLE);
        }

        Set<String> readable = new LinkedHashSet<>();
        kinds.forEach((name, kind) -> {
            if (kind == PipeResolver.NameKind.TABLE || kind == PipeResolver.NameKind.VIEW) {
                readable.add(name);
            }
        });
        PipeResolver resolver = new PipeResolver(project.root(),
                name -> kinds.getOrDefault(name, PipeResolver.NameKind.UNKNOWN), readable);

        Map<String, ProjectObject> objects = new LinkedHashMap<>();
        for (DataSource ds : files) {
            objects.put(ds.name(), new ProjectObject(ds.name(), ObjectKind.TABLE, ds.location(), Set.of(), null, ds,
                    null));
        }
        for (Pipe pipe : project.pipes()) {
            PipeResolver.Resolved resolved = resolver.resolve(pipe);
            if (resolved.query() == null) {
                continue;
            }
            Node output = resolved.query().outputNode();
            ObjectKind kind = switch (output.type()) {
                case MATERIALIZED -> ObjectKind.MATERIALIZED_VIEW;
                case ENDPOINT -> ObjectKind.VIEW;
                case COPY -> ObjectKind.COPY;
                case STANDARD -> throw new IllegalStateException("a standard node is not an output");
            };
            String target = output.target();
            if (target != null) {
                checkTarget(pipe, output, target, inlineTargets);
            }
            if (inlineTargets.get(target) == output) {
                DataSource table = new DataSource(target, output.description(), List.of(), output.targetEngine(),
                        List.of(), List.of(), List.of(), List.of(), output.location());
                objects.put(target, new ProjectObject(target, ObjectKind.TABLE, output.location(), resolved.reads(),
                        null, table, resolved.query()));
            }
            objects.put(pipe.name(), new ProjectObject(pipe.name(), kind, output.location(), resolved.reads(), target,
                    null, resolved.query()));
        }
        return ProjectGraph.of(project, objects);
    }

    /** Tables that materialized nodes define with ENGINE lines after DATASOURCE. */
    private Map<String, Node> inlineTargets() {
        Map<String, Node> targets = new LinkedHashMap<>();
        for (Pipe pipe : project.pipes()) {
            for (Node node : pipe.nodes()) {
                if (node.type() == NodeType.MATERIALIZED && node.targetEngine() != null && node.datasource() != null
                        && !definedByFile(node.datasource())) {
                    Node other = targets.putIfAbsent(node.datasource(), node);
                    if (other != null) {
                        throw GraphErrors.at(project.root(), node.location(), "data source `" + node.datasource()
                                + "` is defined twice: inline in " + other.location().file() + ":"
                                + other.location().line() + " and in pipe " + pipe.name(),
                                "define the target table once; remove the other ENGINE lines");
                    }
                }
            }
        }
        return targets;
    }

    /** A .datasource file defines it; ENGINE lines repeating it in a pipe are then only a warning of the parser. */
    private boolean definedByFile(String name) {
        return project.datasources().stream().anyMatch(ds -> ds.name().equals(name) && !ds.definedByPipe());
    }

    /** The parser adds inline targets to the data sources, without columns and at the node's location. */
    private static boolean isInline(DataSource ds, Map<String, Node> inlineTargets) {
        Node node = inlineTargets.get(ds.name());
        return node != null && ds.columns().isEmpty() && java.util.Objects.equals(ds.location(), node.location());
    }

    private void checkTarget(Pipe pipe, Node output, String target, Map<String, Node> inlineTargets) {
        PipeResolver.NameKind kind = kinds.getOrDefault(target, PipeResolver.NameKind.UNKNOWN);
        if (kind == PipeResolver.NameKind.TABLE) {
            return;
        }
        String what = output.type() == NodeType.COPY ? "copies into" : "materializes into";
        if (kind != PipeResolver.NameKind.UNKNOWN) {
            throw GraphErrors.at(project.root(), output.location(), "node `" + output.name() + "` " + what + " `"
                    + target + "`, which is a pipe, not a data source", "name a data source as the target");
        }
        Set<String> tables = new LinkedHashSet<>();
        kinds.forEach((name, k) -> {
            if (k == PipeResolver.NameKind.TABLE) {
                tables.add(name);
            }
        });
        String hint = GraphErrors.closest(target, tables).map(c -> "did you mean `" + c + "`?")
                .orElse("add datasources/" + target + ".datasource"
                        + (output.type() == NodeType.MATERIALIZED ? ", or ENGINE lines after DATASOURCE" : ""));
        throw GraphErrors.at(project.root(), output.location(), "node `" + output.name() + "` of pipe `" + pipe.name()
                + "` " + what + " `" + target + "`, which is not a data source", hint);
    }

    private static PipeResolver.NameKind pipeKind(Pipe pipe) {
        NodeType type = pipe.outputNode().map(Node::type).orElse(NodeType.STANDARD);
        return switch (type) {
            case ENDPOINT -> PipeResolver.NameKind.VIEW;
            case MATERIALIZED -> PipeResolver.NameKind.MATERIALIZED_PIPE;
            case COPY -> PipeResolver.NameKind.COPY_PIPE;
            case STANDARD -> PipeResolver.NameKind.UNKNOWN;
        };
    }

    private void declare(String name, SourceLocation location, String what) {
        checkName(name, location, what);
        SourceLocation other = declared.putIfAbsent(name, location);
        if (other != null) {
            throw GraphErrors.at(project.root(), location, "the name `" + name + "` is already used by "
                    + other.file(), "data sources and pipes share one namespace: rename one of them");
        }
    }

    private void checkName(String name, SourceLocation location, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw GraphErrors.at(project.root(), location, "`" + name + "` is not a valid " + what + " name",
                    "use letters, digits and underscores, starting with a letter or underscore");
        }
    }
}
