package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What apply does when the database already holds objects defined differently than the files. */
@ExtendWith(ClickHouseExtension.class)
class ApplyConflictTest {
    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());

    @Test
    void aChangedTableWithRowsIsReportedAndNothingRuns(Database server) {
        String database = server.name() + "_rows";
        new Apply(server, renderer).run(GraphBuilder.build(Models.shop()), database, ApplyOptions.DEFAULT);
        try (Database db = server.use(database)) {
            db.execute("INSERT INTO events VALUES ('purchase', 'p1', 3, '2024-01-01 00:00:00')");
            db.execute("DROP VIEW top_products");
        }
        ProjectGraph changed = GraphBuilder.build(withNullablePrice(Models.shop()));

        MvlabException refused = catchThrowableOfType(MvlabException.class,
                () -> new Apply(server, renderer).run(changed, database, ApplyOptions.DEFAULT));
        assertThat(refused.getMessage()).startsWith("database " + database + " defines 2 objects differently than "
                + "the files; nothing was changed:\n  purchases (table):\n"
                + "    column price: database Float64, files Nullable(Float64)\n"
                + "  sales_hourly_mv (materialized view):\n    query: database ");
        assertThat(refused.hint()).startsWith("views, materialized views and empty tables can be recreated with "
                + "'mvlab apply --recreate'");
        assertThat(refused.exitCode().code()).isEqualTo(4);
        assertThat(tables(server, database)).doesNotContain("top_products").contains("purchases_mv");

        MvlabException stillRefused = catchThrowableOfType(MvlabException.class,
                () -> new Apply(server, renderer).run(changed, database, new ApplyOptions(false, true)));
        assertThat(stillRefused.getMessage()).isEqualTo("database " + database + " defines an object differently "
                + "than the files; nothing was changed:\n  purchases (table, 1 rows):\n"
                + "    column price: database Float64, files Nullable(Float64)");
        assertThat(stillRefused.hint()).startsWith("mvlab never drops a table that holds rows");
        try (Database db = server.use(database)) {
            assertThat(db.queryLong("SELECT count() FROM purchases")).isEqualTo(1);
        }
    }

    @Test
    void recreateReplacesAnEmptyTableAndTheViewsOnIt(Database server) {
        String database = server.name() + "_empty";
        new Apply(server, renderer).run(GraphBuilder.build(Models.shop()), database, ApplyOptions.DEFAULT);
        try (Database db = server.use(database)) {
            db.execute("INSERT INTO events VALUES ('view', 'p1', NULL, '2024-01-01 00:00:00')");
        }
        ProjectGraph changed = GraphBuilder.build(withNullablePrice(Models.shop()));
        ApplyResult result = new Apply(server, renderer).run(changed, database, new ApplyOptions(false, true));
        assertThat(result.steps()).filteredOn(s -> s.action() == AppliedStatement.Action.RECREATED)
                .extracting(s -> s.statement().object())
                .containsExactly("purchases", "sales_hourly_mv", "purchases_mv");
        assertThat(new Diff(server, renderer).run(changed, database).clean()).isTrue();
        try (Database db = server.use(database)) {
            assertThat(db.queryLong("SELECT count() FROM events")).isEqualTo(1);
            db.execute("INSERT INTO events VALUES ('purchase', 'p1', 4, '2024-01-01 00:00:00')");
            assertThat(db.queryLong("SELECT countMerge(purchases) FROM sales_hourly")).isEqualTo(1);
        }
    }

    @Test
    void diffSaysWhatDiffersAndNamesExtraObjects(Database server) {
        String database = server.name() + "_diff";
        new Apply(server, renderer).run(GraphBuilder.build(Models.shop()), database, ApplyOptions.DEFAULT);
        try (Database db = server.use(database)) {
            db.execute("DROP VIEW top_products");
            db.execute("CREATE VIEW top_products AS SELECT product_id FROM sales_hourly LIMIT 5");
            db.execute("CREATE TABLE scratch (a UInt8) ENGINE = Memory");
        }
        DiffResult diff = new Diff(server, renderer).run(GraphBuilder.build(Models.shop()), database);
        assertThat(diff.changes()).extracting(ObjectDiff::name, ObjectDiff::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("top_products", ObjectDiff.Status.DIFFERENT),
                org.assertj.core.groups.Tuple.tuple("scratch", ObjectDiff.Status.EXTRA));
        assertThat(diff.changes().get(0).details()).containsExactly(
                "column n UInt64 is missing in the database",
                "query: database 'SELECT product_id FROM " + database + ".sales_hourly LIMIT 5', files 'SELECT "
                        + "product_id, countMerge(purchases) AS n FROM " + database + ".sales_hourly GROUP BY "
                        + "product_id ORDER BY n DESC LIMIT 10'");

        ApplyResult recreated = new Apply(server, renderer).run(GraphBuilder.build(Models.shop()), database,
                new ApplyOptions(false, true));
        assertThat(recreated.count(AppliedStatement.Action.ALTERED)).as("CREATE OR REPLACE VIEW, no gap").isEqualTo(1);
        assertThat(new Diff(server, renderer).run(GraphBuilder.build(Models.shop()), database).changes())
                .extracting(ObjectDiff::name).containsExactly("scratch");
    }

    @Test
    void dryRunRendersThePlanAndTouchesNothing(Database server) {
        ApplyResult dry = new Apply(null, renderer).run(GraphBuilder.build(Models.shop()), "never_created",
                new ApplyOptions(true, false));
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.steps()).extracting(s -> s.statement().object()).containsExactly("events", "purchases",
                "sales_hourly", "top_products", "sales_hourly_mv", "purchases_mv");
        assertThat(dry.steps()).allMatch(s -> s.action() == AppliedStatement.Action.PLANNED);
        assertThat(server.queryLong("SELECT count() FROM system.databases WHERE name = 'never_created'")).isZero();
    }

    private static List<String> tables(Database server, String database) {
        return server.query("SELECT name FROM system.tables WHERE database = ?", database).rows().stream()
                .map(r -> (String) r.get(0)).toList();
    }

    /** The shop with purchases.price made Nullable (and the MV no longer forcing it). */
    private static Project withNullablePrice(Project shop) {
        List<DataSource> datasources = new ArrayList<>();
        for (DataSource ds : shop.datasources()) {
            datasources.add(!ds.name().equals("purchases") ? ds : Models.datasource("purchases",
                    ds.engine(), "product_id String", "price Nullable(Float64)", "timestamp DateTime"));
        }
        List<Pipe> pipes = shop.pipes().stream().map(p -> !p.name().equals("sales_hourly_mv") ? p
                : Models.pipe("sales_hourly_mv", Models.materialized("sales_hourly_mv", "hourly", 3,
                "SELECT toStartOfHour(timestamp) AS hour, product_id, countState() AS purchases, "
                        + "sumState(assumeNotNull(price)) AS revenue FROM purchases GROUP BY hour, product_id",
                "sales_hourly"))).toList();
        return new Project(shop.root(), datasources, pipes, List.of());
    }
}
