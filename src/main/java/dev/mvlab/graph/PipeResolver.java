package dev.mvlab.graph;

import dev.mvlab.errors.Suggestions;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;
import dev.mvlab.template.ParameterValues;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves the names each node of a pipe reads: an earlier node of the same pipe, a name the node's own WITH defines,
 * a data source, an endpoint pipe, a table function or a {@code system.} table. An endpoint pipe is inlined, as
 * Tinybird does: its query (rendered with the same parameters) becomes a common table expression named after it, and
 * the reader reads the data sources underneath, so a materialized view over an endpoint fires on inserts into them.
 * Anything else is an error at its file:line with a "did you mean" hint.
 */
final class PipeResolver {

    /** What a name a pipe reads turned out to be. */
    enum NameKind { TABLE, ENDPOINT_PIPE, MATERIALIZED_PIPE, COPY_PIPE, SINK_PIPE, UNKNOWN }

    /**
     * A resolved pipe.
     *
     * @param query  the output node's query
     * @param reads  the data sources it reads, directly or through inlined pipes
     * @param checks the query of every other node, to check each one on its own
     * @param allReads the data sources any node of the pipe reads
     */
    record Resolved(PipeQuery query, Set<String> reads, List<PipeQuery> checks, Set<String> allReads) {
    }

    private final Path root;
    private final Function<String, NameKind> projectNames;
    private final Function<String, Pipe> pipes;
    private final Set<String> readableNames;
    private final NodeRendering rendering;
    private final ParameterValues parameters;
    private final Function<String, Set<String>> dynamicColumns;
    private final Map<String, Resolved> resolved = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();
    private final List<Warning> warnings = new ArrayList<>();

    /** A Classic release's database, as in {@code v0_0_1.analytics_events}. */
    private static final Pattern RELEASE = Pattern.compile("v\\d+(?:_\\d+)*");

    /**
     * @param projectNames  what a project-level name is (tables by plain or qualified name, pipes)
     * @param pipes         the pipe of a pipe name
     * @param readableNames the names a node may read, for "did you mean"
     * @param parameters    the request's parameters every node renders with, or null for defaults (no request)
     * @param dynamicColumns the Variant, Dynamic and JSON columns of a data source
     */
    PipeResolver(Path root, Function<String, NameKind> projectNames, Function<String, Pipe> pipes,
                 Set<String> readableNames, NodeRendering rendering, ParameterValues parameters,
                 Function<String, Set<String>> dynamicColumns) {
        this.root = root;
        this.dynamicColumns = dynamicColumns;
        this.projectNames = projectNames;
        this.pipes = pipes;
        this.readableNames = readableNames;
        this.rendering = rendering;
        this.parameters = parameters;
    }

    /** What resolving accepted but the user should know (a read of an earlier release), at file:line. */
    List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    Resolved resolve(Pipe pipe) {
        Resolved done = resolved.get(pipe.name());
        if (done != null) {
            return done;
        }
        resolving.push(pipe.name());
        try {
            Resolved result = resolveNodes(pipe);
            resolved.put(pipe.name(), result);
            return result;
        } finally {
            resolving.pop();
        }
    }

    /** One rendered node: its SQL, the earlier nodes, data sources and pipes it reads. */
    private record Rendered(QueryNode node, Set<Integer> deps, Set<String> tables, Set<String> inlined) {
    }

    private Resolved resolveNodes(Pipe pipe) {
        NodeNames names = new NodeNames(pipe);
        List<Rendered> rendered = new ArrayList<>();
        for (int i = 0; i < pipe.nodes().size(); i++) {
            rendered.add(renderNode(pipe, i, names));
        }
        Node output = pipe.outputNode().orElseThrow();
        int outputIndex = pipe.nodes().indexOf(output);
        List<PipeQuery> checks = new ArrayList<>();
        Set<String> allReads = new LinkedHashSet<>();
        for (int i = 0; i < rendered.size(); i++) {
            if (i != outputIndex) {
                checks.add(query(pipe, i, rendered, allReads));
            }
        }
        Set<String> reads = new LinkedHashSet<>();
        PipeQuery query = query(pipe, outputIndex, rendered, reads);
        allReads.addAll(reads);
        return new Resolved(query, Collections.unmodifiableSet(reads), List.copyOf(checks),
                Collections.unmodifiableSet(allReads));
    }

    private PipeQuery query(Pipe pipe, int index, List<Rendered> rendered, Set<String> reads) {
        Set<Integer> reached = new TreeSet<>();
        collect(index, rendered, reached);
        List<QueryNode> ordered = new ArrayList<>();
        Set<String> inlined = new LinkedHashSet<>();
        for (int i : reached) {
            ordered.add(rendered.get(i).node());
            reads.addAll(rendered.get(i).tables());
            inlined.addAll(rendered.get(i).inlined());
        }
        List<PipeQuery> inlinedQueries = inlined.stream().map(name -> resolved.get(name).query()).toList();
        Set<String> dynamic = new TreeSet<>();
        reads.forEach(r -> dynamic.addAll(dynamicColumns.apply(r)));
        return new PipeQuery(pipe, List.copyOf(ordered), inlinedQueries, Set.copyOf(dynamic));
    }

    /**
     * The nodes of a pipe by name. Two nodes may share a name (Tinybird's parser keeps both): a mention reads the
     * nearest node of that name above it, and every such node but the last gets a {@code __N} suffix in the SQL.
     */
    private static final class NodeNames {
        private final Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        private final Map<Integer, String> sqlNames = new HashMap<>();

        NodeNames(Pipe pipe) {
            Set<String> taken = new LinkedHashSet<>();
            for (int i = 0; i < pipe.nodes().size(); i++) {
                indexes.computeIfAbsent(pipe.nodes().get(i).name(), k -> new ArrayList<>()).add(i);
                taken.add(pipe.nodes().get(i).name());
            }
            for (Map.Entry<String, List<Integer>> e : indexes.entrySet()) {
                List<Integer> all = e.getValue();
                for (int k = 0; k < all.size() - 1; k++) {
                    String name = e.getKey() + "__" + (k + 1);
                    while (!taken.add(name)) {
                        name = name + "_";
                    }
                    sqlNames.put(all.get(k), name);
                }
            }
        }

        /** The index of the nearest node named {@code name} above {@code index}, else of any node of that name. */
        Integer target(String name, int index) {
            List<Integer> all = indexes.get(name);
            if (all == null) {
                return null;
            }
            Integer nearest = null;
            for (int i : all) {
                if (i < index) {
                    nearest = i;
                }
            }
            return nearest != null ? nearest : all.get(0);
        }

        /** The node's name in the SQL, when it differs from its own (a shadowed duplicate), else null. */
        String sqlName(int index) {
            return sqlNames.get(index);
        }
    }

    private Rendered renderNode(Pipe pipe, int index, NodeNames nodeIndex) {
        Node node = pipe.nodes().get(index);
        String sql = rendering.render(node, parameters);
        Set<Integer> deps = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<String> inlined = new LinkedHashSet<>();
        TableReferences refs = TableReferences.of(sql);
        StringBuilder text = new StringBuilder(sql);
        List<TableReferences.Reference> rewritten = new ArrayList<>();
        List<String> localNames = new ArrayList<>();
        for (TableReferences.Reference ref : refs.tables()) {
            String local = resolveReference(pipe, index, node, sql, ref, refs.localNames(), nodeIndex, deps, tables,
                    inlined);
            if (local != null) {
                rewritten.add(0, ref);
                localNames.add(0, local);
            }
        }
        for (int r = 0; r < rewritten.size(); r++) {
            text.replace(rewritten.get(r).offset(), rewritten.get(r).end(), localNames.get(r));
        }
        boolean template = node.template();
        String out = template ? withoutBlankLines(text.toString()) : text.toString();
        String sqlName = nodeIndex.sqlName(index);
        return new Rendered(new QueryNode(node, clean(out), sqlName != null ? sqlName : node.name()), deps, tables,
                inlined);
    }

    /** Resolves one reference; returns the name to write instead when it must be rewritten, else null. */
    private String resolveReference(Pipe pipe, int index, Node node, String sql, TableReferences.Reference ref,
                                    Set<String> localNames, NodeNames nodeIndex, Set<Integer> deps,
                                    Set<String> tables, Set<String> inlined) {
        if (ref.tableFunction()) {
            return null;
        }
        SourceLocation at = GraphErrors.inSql(node, sql, ref.offset());
        if (ref.database() != null) {
            if (ref.database().toLowerCase(Locale.ROOT).equals("system")) {
                return null;
            }
            if (projectNames.apply(ref.qualified()) == NameKind.TABLE) {
                tables.add(ref.qualified());
                return "`" + ref.qualified() + "`";
            }
            if (RELEASE.matcher(ref.database()).matches() && projectNames.apply(ref.name()) == NameKind.TABLE) {
                // Classic releases: v0_0_1.x is data source x as an earlier release of the workspace left it
                warnings.add(new Warning(at, "node `" + node.name() + "` reads `" + ref.qualified() + "`, data "
                        + "source " + ref.name() + " of an earlier Classic release: mvlab reads the project's `"
                        + ref.name() + "` (one release only)"));
                tables.add(ref.name());
                return ref.name();
            }
            String hint = ref.database().equals("tinybird")
                    ? "mvlab knows these Tinybird service data sources: " + String.join(", ", ServiceDataSources.NAMES)
                    : "datafiles read their own project's data sources by name: write `" + ref.name()
                      + "`; a data source shared by workspace W is read as W.name and defined in W.name.datasource";
            throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + ref.qualified()
                    + "` from another database", hint);
        }
        String name = ref.name();
        if (localNames.contains(name)) {
            return null;
        }
        Integer target = nodeIndex.target(name, index);
        if (target != null && target < index) {
            deps.add(target);
            return nodeIndex.sqlName(target);
        }
        if (target != null) {
            throw GraphErrors.at(root, at, "node `" + node.name() + "` reads node `" + name + "`, which "
                    + (target == index ? "is the node itself" : "comes after it in pipe `" + pipe.name() + "`"),
                    "a node can read only the nodes before it");
        }
        switch (projectNames.apply(name)) {
            case TABLE -> tables.add(name);
            case ENDPOINT_PIPE -> {
                if (resolving.contains(name)) {
                    List<String> chain = new ArrayList<>(resolving);
                    Collections.reverse(chain);
                    throw GraphErrors.at(root, at, "pipes read each other in a cycle: " + String.join(" --> ", chain)
                            + " --> " + name, "a pipe cannot read itself, directly or through other pipes");
                }
                Resolved other = resolve(pipes.apply(name));
                inlined.add(name);
                tables.addAll(other.reads());
            }
            case MATERIALIZED_PIPE -> throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                    + "`, which is a materialized pipe, not a data source", "read the data source it writes");
            case COPY_PIPE -> throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                    + "`, which is a copy pipe, not a data source", "read the data source it copies into");
            case SINK_PIPE -> throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                    + "`, which is a sink pipe", "read the data sources it reads");
            case UNKNOWN -> {
                Set<String> candidates = new LinkedHashSet<>(readableNames);
                pipe.nodes().subList(0, index).forEach(n -> candidates.add(n.name()));
                String hint = Suggestions.closest(name, candidates).map(c -> "did you mean `" + c + "`?")
                        .orElse("a node reads data sources, endpoint pipes, earlier nodes of its pipe, table "
                                + "functions and system tables");
                throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                        + "`, which is not a data source, an endpoint pipe or an earlier node of pipe `"
                        + pipe.name() + "`", hint);
            }
            default -> throw new IllegalStateException();
        }
        return null;
    }

    /** The nodes {@code index} reads, directly or not, and itself (a work list: pipes may have thousands of nodes). */
    private static void collect(int index, List<Rendered> rendered, Set<Integer> reached) {
        java.util.Deque<Integer> todo = new java.util.ArrayDeque<>(List.of(index));
        while (!todo.isEmpty()) {
            int next = todo.pop();
            if (reached.add(next)) {
                todo.addAll(rendered.get(next).deps());
            }
        }
    }

    /** Template directives leave blank lines behind; the SQL reads better without them. */
    private static String withoutBlankLines(String sql) {
        return String.join("\n", sql.lines().filter(line -> !line.isBlank()).toList());
    }

    /** The SQL without leading blank lines, trailing blanks and a final semicolon. */
    static String clean(String sql) {
        String text = sql.stripTrailing();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        List<String> lines = new ArrayList<>(text.lines().toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return String.join("\n", lines).stripIndent().stripTrailing();
    }

    static NameKind kindOf(Pipe pipe) {
        NodeType type = pipe.outputType();
        return switch (type) {
            case ENDPOINT, STANDARD -> NameKind.ENDPOINT_PIPE;
            case MATERIALIZED -> NameKind.MATERIALIZED_PIPE;
            case COPY -> NameKind.COPY_PIPE;
            case SINK -> NameKind.SINK_PIPE;
        };
    }
}
