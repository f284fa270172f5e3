package dev.mvlab.graph;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.Node;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.template.Secrets;
import dev.mvlab.template.TemplateException;
import dev.mvlab.template.Templates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the names each node of a pipe reads: an earlier node of the same pipe, a name the node's own WITH defines,
 * a table or view of the project, a table function or a {@code system.} table. Anything else is an error at its
 * file:line with a "did you mean" hint.
 */
final class PipeResolver {

    /** What a name a pipe reads turned out to be. */
    enum NameKind { TABLE, VIEW, MATERIALIZED_PIPE, COPY_PIPE, UNKNOWN }

    private final Path root;
    private final Function<String, NameKind> projectNames;
    private final Set<String> readableNames;
    private final Secrets secrets;

    /**
     * @param projectNames  what a project-level name is (tables, pipes)
     * @param readableNames the names a node may read, for "did you mean"
     */
    PipeResolver(Path root, Function<String, NameKind> projectNames, Set<String> readableNames) {
        this.root = root;
        this.projectNames = projectNames;
        this.readableNames = readableNames;
        this.secrets = Secrets.forProject(root);
    }

    /** The pipe's output query (null when it has no output node) and the tables and views it reads. */
    record Resolved(PipeQuery query, Set<String> reads) {
    }

    Resolved resolve(Pipe pipe) {
        Map<String, Integer> nodeIndex = new LinkedHashMap<>();
        for (int i = 0; i < pipe.nodes().size(); i++) {
            nodeIndex.putIfAbsent(pipe.nodes().get(i).name(), i);
        }
        List<QueryNode> queryNodes = new ArrayList<>();
        List<Set<Integer>> nodeDeps = new ArrayList<>();
        List<Set<String>> tableReads = new ArrayList<>();
        for (int i = 0; i < pipe.nodes().size(); i++) {
            Node node = pipe.nodes().get(i);
            String sql = expand(node);
            Set<Integer> deps = new LinkedHashSet<>();
            Set<String> tables = new LinkedHashSet<>();
            TableReferences refs = TableReferences.of(sql);
            for (TableReferences.Reference ref : refs.tables()) {
                resolveReference(pipe, i, node, sql, ref, refs.localNames(), nodeIndex, deps, tables);
            }
            boolean template = Templates.isTemplate(node.sql());
            queryNodes.add(new QueryNode(node, clean(template ? withoutBlankLines(sql) : sql)));
            nodeDeps.add(deps);
            tableReads.add(tables);
        }
        Node output = pipe.outputNode().orElse(null);
        if (output == null) {
            return new Resolved(null, Set.of());
        }
        int outputIndex = pipe.nodes().indexOf(output);
        Set<Integer> reached = new java.util.TreeSet<>();
        collect(outputIndex, nodeDeps, reached);
        List<QueryNode> ordered = new ArrayList<>();
        Set<String> reads = new LinkedHashSet<>();
        for (int index : reached) {
            ordered.add(queryNodes.get(index));
            reads.addAll(tableReads.get(index));
        }
        return new Resolved(new PipeQuery(pipe, List.copyOf(ordered)), Collections.unmodifiableSet(reads));
    }

    private void resolveReference(Pipe pipe, int index, Node node, String sql, TableReferences.Reference ref,
                                  Set<String> localNames, Map<String, Integer> nodeIndex, Set<Integer> deps,
                                  Set<String> tables) {
        if (ref.tableFunction()) {
            return;
        }
        SourceLocation at = GraphErrors.inSql(node, sql, ref.offset());
        if (ref.database() != null) {
            if (ref.database().toLowerCase(Locale.ROOT).equals("system")) {
                return;
            }
            throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + ref.qualified()
                    + "` from another database", "datafiles read their own project's data sources by name: write `"
                    + ref.name() + "`");
        }
        String name = ref.name();
        if (localNames.contains(name)) {
            return;
        }
        Integer target = nodeIndex.get(name);
        if (target != null && target < index) {
            deps.add(target);
            return;
        }
        if (target != null) {
            throw GraphErrors.at(root, at, "node `" + node.name() + "` reads node `" + name + "`, which "
                    + (target == index ? "is the node itself" : "comes after it in pipe `" + pipe.name() + "`"),
                    "a node can read only the nodes before it");
        }
        switch (projectNames.apply(name)) {
            case TABLE, VIEW -> tables.add(name);
            case MATERIALIZED_PIPE -> throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                    + "`, which is a materialized pipe, not a data source", "read the data source it writes");
            case COPY_PIPE -> throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                    + "`, which is a copy pipe, not a data source", "read the data source it copies into");
            case UNKNOWN -> {
                Set<String> candidates = new LinkedHashSet<>(readableNames);
                pipe.nodes().subList(0, index).forEach(n -> candidates.add(n.name()));
                String hint = GraphErrors.closest(name, candidates).map(c -> "did you mean `" + c + "`?")
                        .orElse("a node reads data sources, endpoint pipes, earlier nodes of its pipe, table "
                                + "functions and system tables");
                throw GraphErrors.at(root, at, "node `" + node.name() + "` reads `" + name
                        + "`, which is not a data source, an endpoint pipe or an earlier node of pipe `"
                        + pipe.name() + "`", hint);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The node's SQL as Tinybird renders it without a request (defaults), line breaks kept. */
    private String expand(Node node) {
        try {
            SourceLocation origin = node.sqlLocation() != null ? node.sqlLocation() : node.location();
            return Templates.parse(node.sql(), origin).renderDefaults(secrets);
        } catch (TemplateException e) {
            throw GraphErrors.at(root, e.location(), e.reason(), e.hint());
        }
    }

    private static void collect(int index, List<Set<Integer>> deps, Set<Integer> reached) {
        if (reached.add(index)) {
            deps.get(index).forEach(d -> collect(d, deps, reached));
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
}
