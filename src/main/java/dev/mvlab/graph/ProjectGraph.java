package dev.mvlab.graph;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.template.ParameterValues;
import dev.mvlab.template.TemplateParameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The objects of a project and how data flows between them: a data source feeds the pipes that read it, a
 * materialized pipe feeds the table it writes. {@link #objects()} is in data-flow (lineage) order;
 * {@link #applyOrder()}
 * is the order to create them in without losing rows; {@link #dropOrder()} is its reverse.
 */
public final class ProjectGraph {
    private final Project project;
    private final Map<String, ProjectObject> objects;
    private final Map<String, Set<String>> upstream;
    private final List<ProjectObject> lineageOrder;
    private final List<ProjectObject> applyOrder;
    private List<PipeQuery> nodeChecks = List.of();
    private GraphBuilder.ProjectNames names;
    private NodeRendering rendering;
    private List<Warning> lint = List.of();

    private ProjectGraph(Project project, Map<String, ProjectObject> objects, Map<String, Set<String>> upstream,
                         List<ProjectObject> lineageOrder) {
        this.project = project;
        this.objects = objects;
        this.upstream = upstream;
        this.lineageOrder = lineageOrder;
        this.applyOrder = creationOrder();
    }

    static ProjectGraph of(Project project, Map<String, ProjectObject> objects, List<PipeQuery> nodeChecks,
                           GraphBuilder.ProjectNames names, NodeRendering rendering, List<Warning> resolving) {
        ProjectGraph graph = of(project, objects);
        graph.nodeChecks = List.copyOf(nodeChecks);
        graph.names = names;
        graph.rendering = rendering;
        List<Warning> lint = new ArrayList<>(resolving);
        lint.addAll(Lint.of(project));
        lint.addAll(TinybirdCompatibility.lint(graph));
        graph.lint = List.copyOf(lint);
        return graph;
    }

    static ProjectGraph of(Project project, Map<String, ProjectObject> objects) {
        Map<String, Set<String>> upstream = new LinkedHashMap<>();
        objects.values().forEach(o -> upstream.put(o.name(), new LinkedHashSet<>()));
        for (ProjectObject o : objects.values()) {
            upstream.get(o.name()).addAll(o.kind() == ObjectKind.TABLE ? Set.of() : o.reads());
            if (o.writes() != null && o.kind() == ObjectKind.MATERIALIZED_VIEW) {
                upstream.get(o.writes()).add(o.name());
            }
        }
        List<String> order = new ArrayList<>(objects.keySet());
        List<String> sorted = TopologicalSort.sort(order, upstream, Comparator.comparingInt(order::indexOf));
        if (sorted.size() < order.size()) {
            throw Cycles.error(project, objects, upstream, sorted);
        }
        return new ProjectGraph(project, Collections.unmodifiableMap(objects), upstream,
                sorted.stream().map(objects::get).toList());
    }

    public Project project() {
        return project;
    }

    /** Lint warnings about the project's pipes (see {@link dev.mvlab.model.WarningKind}), at file:line. */
    public List<Warning> lint() {
        return lint;
    }

    /**
     * The queries of the pipe nodes that no object's statement contains (nodes before a pipe's output, sink pipes),
     * each with the nodes and pipes it reads: check runs each of them, so every node reaches ClickHouse.
     */
    public List<PipeQuery> nodeChecks() {
        return nodeChecks;
    }

    /**
     * The query an endpoint call runs: pipe {@code pipe}'s output node with the earlier nodes and the pipes it reads,
     * every node rendered with the request's {@code parameters} (null: no request, defaults).
     *
     * @throws dev.mvlab.errors.MvlabException when the pipe is not an endpoint (USAGE) or a parameter is bad
     */
    public PipeQuery endpointQuery(String pipe, ParameterValues parameters) {
        Pipe found = project.pipe(pipe).orElseThrow(() -> new MvlabException(ExitCode.USAGE, "no pipe named `"
                + pipe + "`", "pipes: " + String.join(", ", project.pipes().stream().map(Pipe::name).toList())));
        if (found.outputType() != NodeType.ENDPOINT) {
            throw new MvlabException(ExitCode.USAGE, "pipe `" + pipe + "` is a " + found.outputType().name()
                    .toLowerCase(java.util.Locale.ROOT) + " pipe, not an endpoint",
                    "endpoints are pipes with TYPE endpoint or without TYPE");
        }
        return names.resolver(project, rendering, parameters).resolve(found).query();
    }

    /**
     * The parameters an endpoint declares: those of its output node and of every node and pipe it reads, each
     * once, in order of first appearance.
     */
    public List<TemplateParameter> endpointParameters(String pipe) {
        PipeQuery query = endpointQuery(pipe, null);
        Map<String, TemplateParameter> all = new LinkedHashMap<>();
        collectParameters(query, all);
        return List.copyOf(all.values());
    }

    private void collectParameters(PipeQuery query, Map<String, TemplateParameter> all) {
        for (PipeQuery inlined : query.inlined()) {
            collectParameters(inlined, all);
        }
        for (QueryNode node : query.nodes()) {
            for (TemplateParameter p : ((TemplateRendering) rendering).template(node.node()).parameters()) {
                all.putIfAbsent(p.name(), p);
            }
        }
    }

    /** Every object, in data-flow order: each after everything that feeds it. */
    public List<ProjectObject> objects() {
        return lineageOrder;
    }

    public Optional<ProjectObject> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    /**
     * The order to create objects in: tables first (in data-flow order), then views, then materialized views from
     * the most downstream to the most upstream, so that when a materialized view starts to fire, everything it feeds
     * is already in place and no inserted row is lost; copy pipes last. A table defined inline by a pipe comes after
     * the tables its query reads.
     */
    public List<ProjectObject> applyOrder() {
        return applyOrder;
    }

    /** The reverse of {@link #applyOrder()}, without copy pipes: upstream materialized views stop first. */
    public List<ProjectObject> dropOrder() {
        List<ProjectObject> order = new ArrayList<>(applyOrder.stream()
                .filter(o -> o.kind() != ObjectKind.COPY).toList());
        Collections.reverse(order);
        return List.copyOf(order);
    }

    /** The objects that feed this one: the tables and views a pipe reads, the materialized views writing a table. */
    public List<ProjectObject> upstream(String name) {
        return upstream.getOrDefault(name, Set.of()).stream().map(objects::get).toList();
    }

    /** The objects this one feeds, in data-flow order (copy pipes included). */
    public List<ProjectObject> downstream(String name) {
        return lineageOrder.stream()
                .filter(o -> upstream.get(o.name()).contains(name)
                        || o.kind() == ObjectKind.TABLE && copiesInto(o.name()).contains(name))
                .toList();
    }

    private List<String> copiesInto(String table) {
        return objects.values().stream().filter(o -> o.kind() == ObjectKind.COPY && table.equals(o.writes()))
                .map(ProjectObject::name).toList();
    }

    private List<ProjectObject> creationOrder() {
        Map<String, Integer> lineageIndex = new HashMap<>();
        for (int i = 0; i < lineageOrder.size(); i++) {
            lineageIndex.put(lineageOrder.get(i).name(), i);
        }
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        objects.values().forEach(o -> needs.put(o.name(), new LinkedHashSet<>(o.needs())));
        Comparator<String> priority = Comparator.<String>comparingInt(n -> rank(objects.get(n).kind()))
                .thenComparingInt(n -> objects.get(n).kind() == ObjectKind.MATERIALIZED_VIEW
                        ? -lineageIndex.get(n) : lineageIndex.get(n));
        List<String> sorted = TopologicalSort.sort(new ArrayList<>(objects.keySet()), needs, priority);
        return sorted.stream().map(objects::get).toList();
    }

    private static int rank(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> 0;
            case VIEW -> 1;
            case MATERIALIZED_VIEW -> 2;
            case COPY -> 3;
        };
    }

    /** Kahn's algorithm; among the ready nodes, the smallest by {@code priority} goes first. */
    static final class TopologicalSort {
        private TopologicalSort() {
        }

        static List<String> sort(List<String> nodes, Map<String, Set<String>> dependencies,
                                 Comparator<String> priority) {
            Map<String, Integer> waiting = new HashMap<>();
            Map<String, List<String>> dependents = new HashMap<>();
            for (String node : nodes) {
                Set<String> deps = dependencies.getOrDefault(node, Set.of());
                waiting.put(node, (int) deps.stream().filter(nodes::contains).count());
                deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(node));
            }
            PriorityQueue<String> ready = new PriorityQueue<>(priority);
            nodes.stream().filter(n -> waiting.get(n) == 0).forEach(ready::add);
            List<String> sorted = new ArrayList<>();
            while (!ready.isEmpty()) {
                String next = ready.poll();
                sorted.add(next);
                for (String dependent : dependents.getOrDefault(next, List.of())) {
                    if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
            return sorted;
        }
    }
}
