package dev.mvlab.render;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.PipeQuery;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.graph.QueryNode;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.Column;
import dev.mvlab.model.CopyMode;
import dev.mvlab.model.DataIndex;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.sql.ParameterPlaceholders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a project graph into {@link Plan}s of SQL statements through the templates. The order of statements is
 * the graph's (Java decides it); the templates only print.
 */
public final class SqlRenderer {
    private final SqlTemplates templates;
    private final ClusterLayout layout;

    /** Renders for one node. */
    public SqlRenderer(SqlTemplates templates) {
        this(templates, null);
    }

    /** Renders for a cluster target (see {@link ClusterLayout}); null is one node. */
    public SqlRenderer(SqlTemplates templates, ClusterTarget cluster) {
        this.templates = templates;
        this.layout = new ClusterLayout(cluster);
    }

    /** Every object's CREATE statement in apply order, then the copy pipes' statements (which apply does not run). */
    public Plan applyPlan(ProjectGraph graph) {
        List<Statement> statements = new ArrayList<>();
        for (ProjectObject object : graph.applyOrder()) {
            statements.addAll(create(graph, object));
        }
        return new Plan(statements);
    }

    /** Only the named objects (data sources or pipes), still in apply order. */
    public Plan applyPlan(ProjectGraph graph, Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        for (String name : wanted) {
            if (graph.object(name).isEmpty()) {
                throw new MvlabException(ExitCode.USAGE, "no data source or pipe named `" + name + "` renders SQL",
                        "names: " + String.join(", ", graph.objects().stream().map(ProjectObject::name).toList()));
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (ProjectObject object : graph.applyOrder()) {
            if (wanted.contains(object.name())) {
                statements.addAll(create(graph, object));
            }
        }
        return new Plan(statements);
    }

    /** DROP statements for every object, in drop order (views before the tables they read or write). */
    public Plan dropPlan(ProjectGraph graph) {
        return new Plan(graph.dropOrder().stream().flatMap(o -> drops(graph, o).stream()).toList());
    }

    /** The statements that create an object; a copy pipe in replace mode gives TRUNCATE then INSERT. */
    public List<Statement> create(ProjectGraph graph, ProjectObject object) {
        Path root = graph.project().root();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", SqlNames.name(object.name()));
        putOnCluster(model);
        return switch (object.kind()) {
            case TABLE -> {
                String local = layout.localTable(object.name());
                model.put("name", SqlNames.name(local));
                model.put("engine", layout.engine(withCompatibility(EngineClause.model(object.table().engine()),
                        object.table())));
                String onShards = layout.distributed() ? ", on every shard; read and insert through the Distributed "
                        + "table " + object.name() : "";
                List<Statement> statements = new ArrayList<>();
                if (object.inlineTable()) {
                    refuseSecrets(root, object);
                    model.put("header", header(object, "table (defined inline by a materialized pipe" + onShards
                            + ")"));
                    model.put("query", select(object));
                    statements.add(statement(StatementKind.CREATE_TABLE_AS_SELECT, object, model, local));
                } else {
                    model.put("header", header(object, "table" + (onShards.isEmpty() ? "" : " (" + onShards.substring(2)
                            + ")")));
                    model.put("columns", columns(root, object.table()));
                    model.put("indexes", indexes(object.table()));
                    statements.add(statement(StatementKind.CREATE_TABLE, object, model, local));
                }
                if (layout.distributed()) {
                    statements.add(distributed(object, local));
                }
                yield statements;
            }
            case MATERIALIZED_VIEW -> {
                refuseSecrets(root, object);
                String target = layout.localTable(object.writes());
                model.put("header", header(object, "materialized view, writes " + target
                        + (layout.distributed() ? " on each shard, attached to its trigger's local table" : "")));
                model.put("target", SqlNames.name(target));
                model.put("query", layout.triggerOnLocal(graph, select(object)));
                yield List.of(statement(StatementKind.CREATE_MATERIALIZED_VIEW, object, model));
            }
            case VIEW -> {
                model.put("header", header(object, "view (endpoint pipe)"));
                model.put("query", select(object));
                yield List.of(statement(StatementKind.CREATE_VIEW, object, model));
            }
            case COPY -> copy(graph, object, model);
        };
    }

    /**
     * The SELECT a materialized, endpoint or copy pipe runs (earlier nodes as common table expressions), exactly as
     * its CREATE statement embeds it; for a backfill that pushes existing rows through a view's query.
     */
    public String select(ProjectObject object) {
        if (object.query() == null) {
            throw new IllegalArgumentException(object.name() + " has no query");
        }
        return CompatibilitySettings.apply(QueryText.of(object.query()), object.query().dynamicColumns());
    }

    /** The SELECT of one pipe node's query (its earlier nodes and the pipes it reads in front), as plain SQL. */
    public String select(PipeQuery query) {
        return CompatibilitySettings.apply(QueryText.of(query), query.dynamicColumns());
    }

    /** The engine clause with the settings that Tinybird compatibility adds to this table (see CompatibilitySettings). */
    private static Map<String, Object> withCompatibility(Map<String, Object> engine, DataSource table) {
        List<String> extra = CompatibilitySettings.table(table);
        if (extra.isEmpty()) {
            return engine;
        }
        Map<String, Object> model = new LinkedHashMap<>(engine);
        Object own = model.get("settings");
        List<String> all = new ArrayList<>();
        if (own != null && !own.toString().isBlank()) {
            all.add(own.toString());
        }
        extra.stream().filter(s -> own == null || !own.toString().contains(s.substring(0, s.indexOf(' '))))
                .forEach(all::add);
        model.put("settings", String.join(", ", all));
        return model;
    }

    public Statement drop(ProjectGraph graph, ProjectObject object) {
        return drop(object, object.name());
    }

    /** The DROP statements of an object: on a distributed layout, a data source's Distributed table then its local one. */
    public List<Statement> drops(ProjectGraph graph, ProjectObject object) {
        if (object.kind() == ObjectKind.TABLE && layout.distributed()) {
            return List.of(drop(object, object.name()), drop(object, layout.localTable(object.name())));
        }
        return List.of(drop(object, object.name()));
    }

    private Statement drop(ProjectObject object, String name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", SqlNames.name(name));
        putOnCluster(model);
        model.put("header", withCluster(List.of(name + ": drop " + object.kind().label() + " of " + source(object))));
        StatementKind kind = object.kind() == ObjectKind.TABLE ? StatementKind.DROP_TABLE : StatementKind.DROP_VIEW;
        return statement(kind, object, model, name);
    }

    /** The Distributed table named like the data source, over its local tables on every shard. */
    private Statement distributed(ProjectObject object, String local) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", SqlNames.name(object.name()));
        putOnCluster(model);
        model.put("local", SqlNames.name(local));
        model.put("args", layout.distributedArgs(object));
        model.put("header", withCluster(List.of(object.name() + ": Distributed table over " + local
                + " on every shard (inserts spread by " + layout.distributedArgs(object).get(3) + "), from "
                + source(object))));
        return statement(StatementKind.CREATE_DISTRIBUTED_TABLE, object, model, object.name());
    }

    private void putOnCluster(Map<String, Object> model) {
        String onCluster = layout.onCluster();
        if (onCluster != null) {
            model.put("onCluster", onCluster);
        }
    }

    private List<String> withCluster(List<String> lines) {
        if (layout.singleNode()) {
            return lines;
        }
        List<String> all = new ArrayList<>();
        all.add(layout.headerLine());
        all.addAll(lines);
        return all;
    }

    private List<Statement> copy(ProjectGraph graph, ProjectObject object, Map<String, Object> model) {
        Node output = object.query().outputNode();
        boolean replace = output.copyMode() == CopyMode.REPLACE;
        List<Statement> statements = new ArrayList<>();
        if (replace) {
            Map<String, Object> truncate = new LinkedHashMap<>();
            truncate.put("name", SqlNames.name(layout.localTable(object.writes())));
            putOnCluster(truncate);
            truncate.put("header", withCluster(List.of(object.name() + ": copy pipe in COPY_MODE replace empties "
                    + layout.localTable(object.writes()) + " first, from " + source(object))));
            statements.add(statement(StatementKind.TRUNCATE_TABLE, object, truncate));
        }
        DataSource target = graph.object(object.writes()).map(ProjectObject::table).orElse(null);
        List<String> columns = target == null ? List.of()
                : target.columns().stream().map(c -> SqlNames.column(c.name())).toList();
        String schedule = output.copySchedule() == null ? "on demand" : output.copySchedule().strip();
        model.put("header", header(object, "copy pipe into " + object.writes() + " (" + schedule
                + (replace ? ", replace" : ", append") + "); run by 'mvlab copy', never by apply"));
        model.remove("onCluster");
        model.put("target", SqlNames.name(object.writes()));
        model.put("columns", columns);
        model.put("query", QueryText.indent(select(object), "    "));
        statements.add(statement(StatementKind.COPY, object, model));
        return statements;
    }

    private Statement statement(StatementKind kind, ProjectObject object, Map<String, Object> model) {
        return statement(kind, object, model, object.name());
    }

    private Statement statement(StatementKind kind, ProjectObject object, Map<String, Object> model, String name) {
        String sql = templates.render(kind.template(), model).strip();
        return new Statement(kind, name, sql, object.location());
    }

    /**
     * A materialized view runs on every insert, with no request to carry a secret, and ClickHouse writes a query
     * parameter's value into the view's definition (SHOW CREATE shows it): as in Tinybird, secrets belong in copy
     * pipes and endpoints, so a materialized pipe using one is refused at the secret's line.
     */
    private static void refuseSecrets(Path root, ProjectObject object) {
        refuseSecrets(root, object, object.query());
    }

    private static void refuseSecrets(Path root, ProjectObject object, PipeQuery query) {
        for (PipeQuery inlined : query.inlined()) {
            refuseSecrets(root, object, inlined);
        }
        for (QueryNode node : query.nodes()) {
            List<ParameterPlaceholders.Placeholder> found = ParameterPlaceholders.find(node.sql());
            if (!found.isEmpty()) {
                ParameterPlaceholders.Placeholder first = found.get(0);
                SourceLocation named = secretLocation(node, first.name());
                SourceLocation at = named != null ? named : object.location();
                throw DatafileException.at(root, at, "materialized pipe `" + object.query().pipe().name()
                        + "` uses the secret `" + first.name() + "` (tb_secret/tb_var): ClickHouse would write its "
                        + "value into the materialized view's definition", "as in Tinybird, use secrets in copy pipes "
                        + "and endpoints; a materialized pipe reads only its data sources");
            }
        }
    }

    /** Where the node's datafile text names the secret (its first quoted mention), else the node's SQL. */
    private static SourceLocation secretLocation(QueryNode node, String name) {
        SourceLocation sql = node.node().sqlLocation() != null ? node.node().sqlLocation() : node.node().location();
        String raw = node.node().sql();
        int at = Math.max(raw.indexOf("'" + name + "'"), raw.indexOf("\"" + name + "\""));
        if (sql == null || at < 0) {
            return sql;
        }
        int lineStart = raw.lastIndexOf('\n', at) + 1;
        int lines = (int) raw.substring(0, at).chars().filter(c -> c == '\n').count();
        return new SourceLocation(sql.file(), sql.line() + lines, (lines == 0 ? sql.column() : 1) + at - lineStart);
    }

    private List<String> header(ProjectObject object, String what) {
        List<String> lines = new ArrayList<>();
        if (!layout.singleNode()) {
            lines.add(layout.headerLine());
        }
        lines.add(object.name() + ": " + what + ", from " + source(object));
        String description = object.kind() == ObjectKind.TABLE ? object.table().description()
                : object.query().pipe().description();
        if (description != null && !description.isBlank()) {
            lines.add("");
            description.strip().lines().map(String::stripTrailing).forEach(lines::add);
        }
        return lines;
    }

    private static String source(ProjectObject object) {
        SourceLocation at = object.location();
        return at == null ? "(unknown)" : at.file() + ":" + at.line();
    }

    private static List<Map<String, Object>> columns(Path root, DataSource table) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            checkColumnName(root, table, column);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", SqlNames.column(column.name()));
            c.put("type", column.type().strip());
            if (column.defaultExpr() != null && !column.defaultExpr().isBlank()) {
                c.put("default", column.defaultExpr().strip());
            }
            if (column.codec() != null && !column.codec().isBlank()) {
                c.put("codec", column.codec().strip());
            }
            columns.add(c);
        }
        if (columns.isEmpty()) {
            throw DatafileException.at(root, table.location(), "data source `" + table.name() + "` has no columns",
                    "add a SCHEMA > block");
        }
        return columns;
    }

    private static void checkColumnName(Path root, DataSource table, Column column) {
        String name = column.name();
        if (name == null || name.isBlank() || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            SourceLocation at = column.location() != null ? column.location() : table.location();
            throw DatafileException.at(root, at, "column name " + (name == null ? "(none)" : "`" + name.replace("\n", "\\n")
                    + "`") + " of data source `" + table.name() + "` is empty or has control characters",
                    "use a plain name such as product_id");
        }
    }

    private static List<Map<String, Object>> indexes(DataSource table) {
        List<Map<String, Object>> indexes = new ArrayList<>();
        for (DataIndex index : table.indexes() == null ? List.<DataIndex>of() : table.indexes()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", SqlNames.name(index.name()));
            i.put("expression", index.expression().strip());
            i.put("type", index.type().strip());
            i.put("granularity", index.granularity());
            indexes.add(i);
        }
        return indexes;
    }
}
