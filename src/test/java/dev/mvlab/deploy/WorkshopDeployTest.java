package dev.mvlab.deploy;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's workshop project on the real engine: apply twice, diff, the views firing, copy, drop. */
@ExtendWith(ClickHouseExtension.class)
class WorkshopDeployTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();

    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
    private final ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ROOT));

    @Test
    void applyTwiceDiffCleanViewsFireCopyAndDrop(Database server) {
        String database = server.name() + "_workshop";
        ApplyResult first = new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        int objects = (int) graph.applyOrder().stream().filter(o -> o.kind() != dev.mvlab.graph.ObjectKind.COPY).count();
        assertThat(first.count(AppliedStatement.Action.CREATED)).isEqualTo(objects);
        assertThat(first.count(AppliedStatement.Action.NOT_RUN)).isEqualTo(1);

        ApplyResult second = new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        assertThat(second.changed()).isFalse();
        assertThat(second.count(AppliedStatement.Action.UNCHANGED)).isEqualTo(objects);

        DiffResult diff = new Diff(server, renderer).run(graph, database);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.clean()).isTrue();

        try (Database db = server.use(database)) {
            insertEvents(db);
            assertViewsFired(db);
            CopyResult copy = new Copy(server, renderer).run(graph, "sales_daily_history_copy", database);
            assertThat(copy.rowsWritten()).isEqualTo(2);
            assertThat(new Copy(server, renderer).run(graph, "sales_daily_history_copy", database).rowsWritten())
                    .isZero();
            assertThat(rows(db, "SELECT day, product_id, purchases, revenue FROM sales_daily_lambda "
                    + "WHERE day < today() ORDER BY day, product_id"))
                    .containsExactly("2024-01-01 p1 2 30", "2024-01-02 p2 1 20");
        }

        DropResult drop = new Drop(server, renderer).run(graph, database);
        assertThat(drop.dropped()).isEqualTo(objects);
        assertThat(server.queryLong("SELECT count() FROM system.tables WHERE database = ?", database)).isZero();
        assertThat(new Diff(server, renderer).run(graph, database).changes())
                .allMatch(d -> d.status() == ObjectDiff.Status.MISSING).hasSize(objects);
    }

    private static void insertEvents(Database db) {
        db.execute("INSERT INTO products VALUES ('p1', 'acme', 'a1', 10, 5, '2024-01-01 00:00:00'), "
                + "('p2', 'bolt', 'b1', 20, 7, '2024-01-01 00:00:00')");
        db.execute("INSERT INTO estore_events VALUES "
                + "('view', 'c1', 'p1', NULL, '2024-01-01 09:59:00'), "
                + "('purchase', 'c1', 'p1', 10, '2024-01-01 10:00:00'), "
                + "('purchase', 'c2', 'p1', 20, '2024-01-01 11:30:00'), "
                + "('purchase', 'c1', 'p2', 20, '2024-01-02 08:00:00'), "
                + "('purchase', 'c3', 'p2', NULL, '2024-01-02 08:01:00'), "
                + "('return', 'c1', 'p1', NULL, '2024-01-03 09:00:00')");
        // the generator's exact duplicate, and a new version of p1 with less stock
        db.execute("INSERT INTO estore_events VALUES ('view', 'c1', 'p1', NULL, '2024-01-01 09:59:00')");
        db.execute("INSERT INTO products VALUES ('p1', 'acme', 'a1', 12, 4, '2024-01-05 00:00:00')");
    }

    private static void assertViewsFired(Database db) {
        assertThat(db.queryLong("SELECT count() FROM purchases")).isEqualTo(3);
        assertThat(rows(db, "SELECT product_id, countMerge(purchases), sumMerge(revenue), uniqMerge(customers) "
                + "FROM sales_hourly GROUP BY product_id ORDER BY product_id")).containsExactly("p1 2 30 2", "p2 1 20 1");
        assertThat(rows(db, "SELECT sum(events), max(max_price) FROM product_activity_hourly WHERE product_id = 'p1'"))
                .containsExactly("5 20");
        // the chain minute -> hour -> day equals the raw purchases
        List<String> raw = rows(db, "SELECT toDate(timestamp) AS day, count(), sum(price), uniqExact(customer_id) "
                + "FROM purchases GROUP BY day ORDER BY day");
        assertThat(raw).containsExactly("2024-01-01 2 30 2", "2024-01-02 1 20 1");
        assertThat(rows(db, "SELECT day, countMerge(purchases), sumMerge(revenue), uniqExactMerge(customers) "
                + "FROM sales_per_day GROUP BY day ORDER BY day")).isEqualTo(raw);
        assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(7);
        assertThat(db.queryLong("SELECT count() FROM estore_events_dedup FINAL")).isEqualTo(6);
        assertThat(rows(db, "SELECT product_id, brand, price FROM returns_enriched")).containsExactly("p1 acme 10");
        assertThat(rows(db, "SELECT product_id, brand, price FROM returns_enriched_live"))
                .containsExactly("p1 acme 12");
        // the pitfall counts both versions of p1 (5 + 4 units); the fix keeps the latest (4)
        assertThat(rows(db, "SELECT brand, countMerge(product_versions), sumMerge(units_on_hand) FROM stock_by_brand "
                + "GROUP BY brand ORDER BY brand")).containsExactly("acme 2 9", "bolt 1 7");
        assertThat(rows(db, "SELECT brand, products, units_on_hand FROM stock_by_brand_live"))
                .containsExactly("acme 1 4", "bolt 1 7");
        assertThat(rows(db, "SELECT product_id, purchases FROM top_products")).isEmpty();
    }

    /** Each row as its values' text, separated by spaces (numbers without a trailing .0). */
    static List<String> rows(Database db, String sql) {
        return db.query(sql).rows().stream().map(row -> String.join(" ", row.stream().map(v -> {
            String text = String.valueOf(v);
            return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        }).toList())).toList();
    }
}
