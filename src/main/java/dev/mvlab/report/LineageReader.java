package dev.mvlab.report;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.graph.TableReferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lineage of what a database really holds, from {@code system.tables}: a materialized view fires on the
 * tables whose {@code dependencies_table} names it (on 26.7, only the first table of a UNION ALL), writes the table
 * after {@code TO}, and merely reads the other tables of its query; views, refreshable views and dictionaries read
 * what their queries or sources name.
 */
public final class LineageReader {
    private static final Pattern TO = Pattern.compile("\\sTO\\s+(?:`?\\w+`?\\.)?`?(\\w+)`?");
    private static final Pattern DICTIONARY_TABLE = Pattern.compile("TABLE\\s+'(\\w+)'");

    private LineageReader() {
    }

    /** @param focus names of the objects the lesson is about (marked in the diagram) */
    public static Lineage read(Database db, Set<String> focus) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableEntry table : ServerCatalog.of(db).tables(db.name())) {
            rows.add(java.util.Arrays.asList(table.name(), table.engine(), String.join(",",
                    table.dependencies().stream().map(TableEntry.QualifiedName::name).toList()),
                    table.createTableQuery(), table.asSelect()));
        }
        Map<String, Lineage.Kind> kinds = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            kinds.put(text(row.get(0)), kind(text(row.get(1)), text(row.get(3))));
        }
        Set<String> lit = new LinkedHashSet<>(focus);
        List<Lineage.Edge> edges = new ArrayList<>();
        for (List<Object> row : rows) {
            for (String view : text(row.get(2)).split(",")) {
                if (kinds.containsKey(view)) {
                    edges.add(new Lineage.Edge(text(row.get(0)), view, Lineage.Flow.TRIGGERS));
                }
            }
        }
        for (List<Object> row : rows) {
            String name = text(row.get(0));
            Lineage.Kind kind = kinds.get(name);
            String create = text(row.get(3));
            if (kind == Lineage.Kind.DICTIONARY) {
                Matcher source = DICTIONARY_TABLE.matcher(create);
                if (source.find() && kinds.containsKey(source.group(1))) {
                    edges.add(new Lineage.Edge(source.group(1), name, Lineage.Flow.READS));
                }
                continue;
            }
            String target = target(kind, create);
            if (target != null && kinds.containsKey(target)) {
                edges.add(new Lineage.Edge(name, target, Lineage.Flow.WRITES));
                if (lit.contains(target)) {
                    lit.add(name);
                }
            }
            String select = text(row.get(4));
            if (!select.isBlank()) {
                for (String read : reads(select)) {
                    boolean fires = edges.stream().anyMatch(e -> e.from().equals(read) && e.to().equals(name));
                    if (!fires && kinds.containsKey(read) && !read.equals(name)) {
                        edges.add(new Lineage.Edge(read, name, Lineage.Flow.READS));
                    }
                }
                for (String dictionary : dictionaries(select, kinds)) {
                    edges.add(new Lineage.Edge(dictionary, name, Lineage.Flow.READS));
                }
            }
        }
        List<Lineage.Node> nodes = kinds.entrySet().stream()
                .map(e -> new Lineage.Node(e.getKey(), e.getValue(), lit.contains(e.getKey()))).toList();
        return new Lineage(nodes, edges);
    }

    private static Lineage.Kind kind(String engine, String create) {
        return switch (engine) {
            case "MaterializedView" -> create.contains(" REFRESH ") ? Lineage.Kind.REFRESHABLE_VIEW
                    : Lineage.Kind.MATERIALIZED_VIEW;
            case "View" -> Lineage.Kind.VIEW;
            case "Dictionary" -> Lineage.Kind.DICTIONARY;
            default -> Lineage.Kind.TABLE;
        };
    }

    private static String target(Lineage.Kind kind, String create) {
        if (kind != Lineage.Kind.MATERIALIZED_VIEW && kind != Lineage.Kind.REFRESHABLE_VIEW) {
            return null;
        }
        int body = create.indexOf(" AS ");
        Matcher to = TO.matcher(body < 0 ? create : create.substring(0, body));
        return to.find() ? to.group(1) : null;
    }

    private static Set<String> reads(String select) {
        Set<String> names = new LinkedHashSet<>();
        try {
            TableReferences.of(select).tables().stream().filter(r -> !r.tableFunction())
                    .forEach(r -> names.add(r.name()));
        } catch (RuntimeException e) {
            // a query the tokenizer cannot follow: no read edges for it
        }
        return names;
    }

    private static List<String> dictionaries(String select, Map<String, Lineage.Kind> kinds) {
        return kinds.entrySet().stream().filter(e -> e.getValue() == Lineage.Kind.DICTIONARY)
                .map(Map.Entry::getKey).filter(d -> select.contains("'" + d + "'")).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
