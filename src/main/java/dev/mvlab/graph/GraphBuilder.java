package dev.mvlab.graph;

import dev.mvlab.errors.Suggestions;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.template.ParameterValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the {@link ProjectGraph} of a parsed project: one object per data source, per table a materialized pipe
 * defines inline, per service or quarantine table a pipe reads, and per materialized, endpoint and copy pipe, with
 * what each reads and writes. A pipe without TYPE is an endpoint; a pipe read by another is inlined into it. Every
 * name is checked: duplicate or invalid names, unknown tables, targets that are not data sources and cycles are
 * errors at file:line.
 */
public final class GraphBuilder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A data source shared by another workspace is named {@code Workspace.name}. */
    private static final Pattern SHARED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Project project;
    private final Map<String, SourceLocation> declared = new LinkedHashMap<>();
    private final ProjectNames names = new ProjectNames();

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
            declare(ds.name(), ds.location(), "data source", SHARED_NAME);
            names.table(ds.name());
        }
        for (Pipe pipe : project.pipes()) {
            declare(pipe.name(), pipe.location(), "pipe", NAME);
            pipe.nodes().forEach(n -> checkName(n.name(), n.location(), "node", NAME));
            names.pipe(pipe);
        }
        for (Map.Entry<String, Node> inline : inlineTargets.entrySet()) {
            declare(inline.getKey(), inline.getValue().location(), "data source", NAME);
            names.table(inline.getKey());
        }
        names.addServiceTables(project);

        NodeRendering rendering = new TemplateRendering(project.root());
        PipeResolver resolver = names.resolver(project, rendering, null);
        Map<String, ProjectObject> objects = new LinkedHashMap<>();
        for (DataSource ds : files) {
            objects.put(ds.name(), new ProjectObject(ds.name(), ObjectKind.TABLE, ds.location(), Set.of(), null, ds,
                    null));
        }
        List<PipeQuery> checks = new ArrayList<>();
        Map<String, SourceLocation> serviceReads = new LinkedHashMap<>();
        for (Pipe pipe : project.pipes()) {
            PipeResolver.Resolved resolved = resolver.resolve(pipe);
            checks.addAll(resolved.checks());
            Node output = resolved.query().outputNode();
            resolved.allReads().stream().filter(names::isServiceTable)
                    .forEach(r -> serviceReads.putIfAbsent(r, output.location()));
            NodeType type = pipe.outputType();
            if (type == NodeType.SINK) {
                checks.add(resolved.query());
                continue;
            }
            ObjectKind kind = switch (type) {
                case MATERIALIZED -> ObjectKind.MATERIALIZED_VIEW;
                case COPY -> ObjectKind.COPY;
                default -> ObjectKind.VIEW;
            };
            String target = output.target();
            if (target != null) {
                checkTarget(pipe, output, target);
            }
            if (kind == ObjectKind.MATERIALIZED_VIEW) {
                checkReadsTables(pipe, output, resolved.reads());
            }
            if (target != null && inlineTargets.get(target) == output) {
                DataSource table = new DataSource(target, output.description(), List.of(), output.targetEngine(),
                        List.of(), List.of(), List.of(), List.of(), output.location());
                objects.put(target, new ProjectObject(target, ObjectKind.TABLE, output.location(), resolved.reads(),
                        null, table, resolved.query()));
            }
            objects.put(pipe.name(), new ProjectObject(pipe.name(), kind, output.location(), resolved.reads(), target,
                    null, resolved.query()));
        }
        for (Map.Entry<String, SourceLocation> read : serviceReads.entrySet()) {
            DataSource table = names.serviceTable(project, read.getKey(), read.getValue());
            objects.put(read.getKey(), new ProjectObject(read.getKey(), ObjectKind.TABLE, read.getValue(), Set.of(),
                    null, table, null));
        }
        return ProjectGraph.of(project, objects, checks, names, rendering, resolver.warnings());
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
        return node != null && ds.columns().isEmpty() && Objects.equals(ds.location(), node.location());
    }

    /**
     * A materialized view fires on inserts into the table its query reads first; created over a view it would never
     * receive a row. Pipes read by a materialized pipe are inlined, so this only fails for what cannot be inlined.
     */
    private void checkReadsTables(Pipe pipe, Node output, Set<String> reads) {
        for (String read : reads) {
            if (names.kind(read) != PipeResolver.NameKind.TABLE) {
                throw GraphErrors.at(project.root(), output.location(), "materialized pipe `" + pipe.name()
                        + "` would be created on `" + read + "`, which is not a table: a materialized view over a "
                        + "view never receives a row", "read the data sources underneath it");
            }
        }
    }

    private void checkTarget(Pipe pipe, Node output, String target) {
        PipeResolver.NameKind kind = names.kind(target);
        if (kind == PipeResolver.NameKind.TABLE && !names.isServiceTable(target)) {
            return;
        }
        String what = output.type() == NodeType.COPY ? "copies into" : "materializes into";
        if (kind != PipeResolver.NameKind.UNKNOWN && kind != PipeResolver.NameKind.TABLE) {
            throw GraphErrors.at(project.root(), output.location(), "node `" + output.name() + "` " + what + " `"
                    + target + "`, which is a pipe, not a data source", "name a data source as the target");
        }
        String hint = Suggestions.closest(target, names.tables()).map(c -> "did you mean `" + c + "`?")
                .orElse("add datasources/" + target + ".datasource"
                        + (output.type() == NodeType.MATERIALIZED ? ", or ENGINE lines after DATASOURCE" : ""));
        throw GraphErrors.at(project.root(), output.location(), "node `" + output.name() + "` of pipe `" + pipe.name()
                + "` " + what + " `" + target + "`, which is not a data source", hint);
    }

    private void declare(String name, SourceLocation location, String what, Pattern pattern) {
        checkName(name, location, what, pattern);
        SourceLocation other = declared.putIfAbsent(name, location);
        if (other != null) {
            throw GraphErrors.at(project.root(), location, "the name `" + name + "` is already used by "
                    + other.file(), "data sources and pipes share one namespace: rename one of them");
        }
    }

    private void checkName(String name, SourceLocation location, String what, Pattern pattern) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw GraphErrors.at(project.root(), location, "`" + name + "` is not a valid " + what + " name",
                    "use letters, digits and underscores, starting with a letter or underscore");
        }
    }

    /** What each project-level name is, for resolving what pipes read. */
    static final class ProjectNames {
        private final Map<String, PipeResolver.NameKind> kinds = new LinkedHashMap<>();
        private final Set<String> serviceTables = new LinkedHashSet<>();

        void table(String name) {
            kinds.put(name, PipeResolver.NameKind.TABLE);
        }

        void pipe(Pipe pipe) {
            kinds.put(pipe.name(), PipeResolver.kindOf(pipe));
        }

        /** Tinybird's service data sources and each data source's quarantine table, unless a name is taken. */
        void addServiceTables(Project project) {
            for (String name : ServiceDataSources.NAMES) {
                if (kinds.putIfAbsent(name, PipeResolver.NameKind.TABLE) == null) {
                    serviceTables.add(name);
                }
            }
            for (DataSource ds : project.datasources()) {
                String name = ds.name() + ServiceDataSources.QUARANTINE_SUFFIX;
                if (!ds.definedByPipe() && kinds.putIfAbsent(name, PipeResolver.NameKind.TABLE) == null) {
                    serviceTables.add(name);
                }
            }
        }

        boolean isServiceTable(String name) {
            return serviceTables.contains(name);
        }

        DataSource serviceTable(Project project, String name, SourceLocation at) {
            return ServiceDataSources.service(name, at).orElseGet(() -> ServiceDataSources.quarantine(
                    project.datasource(name.substring(0, name.length() - ServiceDataSources.QUARANTINE_SUFFIX.length()))
                            .orElseThrow(), at));
        }

        PipeResolver.NameKind kind(String name) {
            return kinds.getOrDefault(name, PipeResolver.NameKind.UNKNOWN);
        }

        Set<String> tables() {
            Set<String> tables = new LinkedHashSet<>();
            kinds.forEach((name, k) -> {
                if (k == PipeResolver.NameKind.TABLE && !serviceTables.contains(name)) {
                    tables.add(name);
                }
            });
            return tables;
        }

        PipeResolver resolver(Project project, NodeRendering rendering, ParameterValues parameters) {
            Set<String> readable = new LinkedHashSet<>(tables());
            kinds.forEach((name, k) -> {
                if (k == PipeResolver.NameKind.ENDPOINT_PIPE) {
                    readable.add(name);
                }
            });
            Map<String, Set<String>> dynamic = TinybirdCompatibility.dynamicColumns(project);
            return new PipeResolver(project.root(), this::kind, name -> project.pipe(name).orElseThrow(), readable,
                    rendering, parameters, name -> dynamic.getOrDefault(name, Set.of()));
        }
    }
}
