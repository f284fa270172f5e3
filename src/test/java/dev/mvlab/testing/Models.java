package dev.mvlab.testing;

import dev.mvlab.model.Column;
import dev.mvlab.model.CopyMode;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.TableEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Model records built by hand, for tests that do not go through the datafile parser. */
public final class Models {
    private Models() {
    }

    public static SourceLocation at(String file, int line) {
        return new SourceLocation(Path.of(file), line, 1);
    }

    /** Columns from "name Type" strings. */
    public static List<Column> columns(String file, String... specs) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            int space = spec.indexOf(' ');
            columns.add(new Column(spec.substring(0, space), spec.substring(space + 1), null, null, null,
                    at(file, 3 + i)));
        }
        return columns;
    }

    public static EngineSpec mergeTree(String engine, String sortingKey) {
        return engine(engine, sortingKey, null, null, null);
    }

    public static EngineSpec engine(String engine, String sortingKey, String partitionKey, String ver, String ttl) {
        return new EngineSpec(TableEngine.named(engine).orElseThrow(), sortingKey, partitionKey, null, ttl, ver, null,
                null, null, List.of(), null, null);
    }

    public static DataSource datasource(String name, EngineSpec engine, String... columns) {
        String file = "datasources/" + name + ".datasource";
        return new DataSource(name, null, columns(file, columns), engine, List.of(), List.of(), List.of(), List.of(),
                at(file, 1));
    }

    public static Node node(String pipe, String name, int line, String sql) {
        return new Node(name, null, sql, sql.startsWith("%"), NodeType.STANDARD, null, null, null, null, null,
                at("pipes/" + pipe + ".pipe", line), at("pipes/" + pipe + ".pipe", line + 2));
    }

    public static Node materialized(String pipe, String name, int line, String sql, String target) {
        return new Node(name, null, sql, false, NodeType.MATERIALIZED, target, null, null, null, null,
                at("pipes/" + pipe + ".pipe", line), at("pipes/" + pipe + ".pipe", line + 2));
    }

    public static Node inlineTarget(String pipe, String name, int line, String sql, String target, EngineSpec engine) {
        return new Node(name, null, sql, false, NodeType.MATERIALIZED, target, null, null, null, engine,
                at("pipes/" + pipe + ".pipe", line), at("pipes/" + pipe + ".pipe", line + 2));
    }

    public static Node endpoint(String pipe, String name, int line, String sql) {
        return new Node(name, null, sql, sql.startsWith("%"), NodeType.ENDPOINT, null, null, null, null, null,
                at("pipes/" + pipe + ".pipe", line), at("pipes/" + pipe + ".pipe", line + 2));
    }

    public static Node copy(String pipe, String name, int line, String sql, String target, String mode) {
        return new Node(name, null, sql, false, NodeType.COPY, null, target, "@on-demand",
                CopyMode.named(mode).orElseThrow(), null,
                at("pipes/" + pipe + ".pipe", line), at("pipes/" + pipe + ".pipe", line + 2));
    }

    public static Pipe pipe(String name, Node... nodes) {
        return new Pipe(name, null, List.of(), List.of(), Arrays.asList(nodes), at("pipes/" + name + ".pipe", 1));
    }

    public static Project project(List<DataSource> datasources, Pipe... pipes) {
        return new Project(Path.of("."), datasources, Arrays.asList(pipes), List.of());
    }

    /** A small shop: events land, a filter MV writes purchases, a roll-up MV reads purchases, an endpoint. */
    public static Project shop() {
        DataSource events = datasource("events", engine("MergeTree", "timestamp, action", "toYYYYMM(timestamp)",
                null, null), "action LowCardinality(String)", "product_id String", "price Nullable(Float64)",
                "timestamp DateTime");
        DataSource purchases = datasource("purchases", mergeTree("MergeTree", "product_id, timestamp"),
                "product_id String", "price Float64", "timestamp DateTime");
        DataSource hourly = datasource("sales_hourly", mergeTree("AggregatingMergeTree", "product_id, hour"),
                "hour DateTime", "product_id String", "purchases AggregateFunction(count)",
                "revenue AggregateFunction(sum, Float64)");
        return project(List.of(events, purchases, hourly),
                pipe("sales_hourly_mv", materialized("sales_hourly_mv", "hourly", 3,
                        "SELECT toStartOfHour(timestamp) AS hour, product_id, countState() AS purchases,\n"
                                + "    sumState(price) AS revenue\nFROM purchases\nGROUP BY hour, product_id",
                        "sales_hourly")),
                pipe("purchases_mv",
                        node("purchases_mv", "only_purchases", 3,
                                "SELECT * FROM events WHERE action = 'purchase' -- only purchases\n"),
                        node("purchases_mv", "unused", 9, "SELECT 1 FROM events"),
                        materialized("purchases_mv", "with_price", 15,
                                "SELECT product_id, assumeNotNull(price) AS price, timestamp\n"
                                        + "FROM only_purchases\nWHERE price IS NOT NULL;", "purchases")),
                pipe("top_products", endpoint("top_products", "top", 3,
                        "SELECT product_id, countMerge(purchases) AS n FROM sales_hourly GROUP BY product_id "
                                + "ORDER BY n DESC LIMIT 10")));
    }
}
