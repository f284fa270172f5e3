package dev.mvlab.tinybird;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.ProjectCheck;
import dev.mvlab.deploy.ProjectCheckResult;
import dev.mvlab.deploy.Drop;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.model.WarningKind;
import dev.mvlab.render.EndpointSql;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.template.ParameterValues;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tinybird accepts and mvlab used to refuse, on a real ClickHouse 26.7 (fixture {@code tinybird/accept}): each is
 * applied with a warning at its file:line; what 26.7 runs only under a setting gets it, in that statement alone, with
 * a lint kind that says the risk; {@code --strict} refuses those instead.
 */
@ExtendWith(ClickHouseExtension.class)
class TinybirdAcceptTest {
    private static final Path ACCEPT = Path.of(System.getProperty("mvlab.project.dir", "."))
            .toAbsolutePath().resolve("src/test/resources/tinybird/accept");

    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());

    @Test
    void whatTinybirdAcceptsLoadsWithAWarningAtItsLine() {
        Project project = ProjectLoader.load(ACCEPT);
        assertThat(project.warnings()).extracting(Warning::toString).contains(
                "pipes/commented.pipe:4: warning: `#` comment lines in the SQL of node commented are dropped before "
                        + "the template runs, as Tinybird does (write SQL comments as -- or /* */)",
                "pipes/top_pages.pipe:1: warning: pipe `top_pages` is defined twice: endpoints/top_pages.pipe "
                        + "replaces pipes/top_pages.pipe, as Tinybird's CLI does (it reads endpoints/ after pipes/); "
                        + "delete or rename one file");
        assertThat(project.warnings()).extracting(Warning::toString).anyMatch(w -> w.startsWith(
                "pipes/refined.pipe:5: warning: two nodes are named `pages` (first at line 1)"));
        // the endpoints/ file won: its node is the pipe's
        assertThat(project.pipe("top_pages").orElseThrow().nodes()).extracting(n -> n.name())
                .containsExactly("top_pages_endpoint");
        // the comment lines are gone from the SQL (one held a broken template tag), line numbers kept
        String commented = project.pipe("commented").orElseThrow().nodes().get(0).sql();
        assertThat(commented).doesNotContain("#").doesNotContain("not_a_parameter");
        assertThat(commented.lines().toList().get(5)).isEqualTo("WHERE ts > {{ DateTime(since, '2020-01-01 00:00:00') }}");

        ProjectGraph graph = GraphBuilder.build(project);
        assertThat(graph.lint()).extracting(Warning::toString).contains(
                "pipes/previous_release.pipe:3: warning: node `previous` reads `v0_0_1.events`, data source events "
                        + "of an earlier Classic release: mvlab reads the project's `events` (one release only)");
        assertThat(graph.lint()).filteredOn(w -> w.kind().compatibility()).extracting(Warning::toString)
                .containsExactlyInAnyOrder(
                        "datasources/daily_pages.datasource:7: warning[aggregating-column-outside-key]: column "
                                + "`country` of AggregatingMergeTree daily_pages is neither in the sorting key nor an "
                                + "aggregate state: after merges it holds an arbitrary row's value",
                        "datasources/visitors.datasource:2: warning[low-cardinality-number]: column `visitor` is "
                                + "LowCardinality(UInt64): a dictionary for a fixed-size value costs more than it "
                                + "saves; use the plain type",
                        "pipes/by_kind.pipe:5: warning[group-by-dynamic]: GROUP BY in a query that reads Variant, "
                                + "Dynamic or JSON columns: if a key is such a value, values of different types that "
                                + "print the same fall into separate groups",
                        "pipes/minutes.pipe:5: warning[join-without-alias]: a table function or subquery is joined "
                                + "without an alias: its columns cannot be told apart from the other side's; name it "
                                + "(JOIN numbers(10) AS n)");
    }

    @Test
    void eachSettingGoesOnlyToTheStatementThatNeedsIt() {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ACCEPT));
        Map<String, String> sql = new java.util.LinkedHashMap<>();
        renderer.applyPlan(graph).statements().forEach(s -> sql.merge(s.object(), s.sql(), (a, b) -> a + "\n" + b));
        assertThat(sql.get("daily_pages")).endsWith("SETTINGS allow_dimensions_outside_sorting_key = 1");
        assertThat(sql.get("visitors")).endsWith("SETTINGS allow_suspicious_low_cardinality_types = 1");
        assertThat(sql.get("by_kind")).endsWith("SETTINGS allow_suspicious_types_in_group_by = 1");
        assertThat(sql.get("minutes")).endsWith("SETTINGS joined_subquery_requires_alias = 0");
        assertThat(sql.get("refined")).contains("pages__1 AS (").contains("FROM pages__1 GROUP BY page");
        for (String plain : List.of("events", "commented", "top_pages", "hourly", "previous_release", "refined",
                "daily_pages_mv")) {
            assertThat(sql.get(plain)).as(plain).doesNotContain("SETTINGS");
        }
    }

    @Test
    void theProjectChecksAppliesTwiceAndRunsOnTheEngine(Database server) {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ACCEPT));
        ProjectCheckResult check = new ProjectCheck(server, renderer).run(graph);
        assertThat(check.issues()).isEmpty();
        String database = server.name() + "_accept";
        new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        assertThat(new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT).steps())
                .allMatch(step -> step.action() == AppliedStatement.Action.UNCHANGED);
        Database db = server.use(database);
        db.execute("INSERT INTO events VALUES ('2024-01-01 10:00:00', '/a', 'ES', 1, '{\"kind\":\"x\"}'), "
                + "('2024-01-01 11:00:00', '/a', 'FR', 2, '{\"kind\":1}'), ('2024-01-02 10:00:00', '/b', 'ES', 3, '{}')");
        db.execute("INSERT INTO visitors VALUES (7, now())");
        // the AggregatingMergeTree with a plain column outside its key was created and is fed by its view
        assertThat(db.queryLong("SELECT countMerge(views) FROM daily_pages WHERE page = '/a'")).isEqualTo(2);
        // the risk the lint names: a JSON value grouped as Dynamic splits "x" from 1
        assertThat(db.queryLong("SELECT count() FROM by_kind")).isEqualTo(3);
        assertThat(db.queryLong("SELECT count() FROM minutes")).isEqualTo(9);
        assertThat(db.queryLong("SELECT n FROM previous_release")).isEqualTo(3);
        assertThat(db.queryLong("SELECT views FROM refined WHERE page = '/a'")).isEqualTo(2);
        assertThat(db.queryLong("SELECT count() FROM refined")).isEqualTo(2);
        assertThat(db.queryLong("SELECT sum(views) FROM top_pages")).isEqualTo(3);
        // date_diff_in_hours over parameters without default: a call picks the bucket by the real range
        String hourly = new EndpointSql(graph).sql("hourly", ParameterValues.of(Map.of(
                "start_date", "2024-01-01 00:00:00", "end_date", "2024-01-05 00:00:00")));
        assertThat(hourly).contains("toStartOfDay(ts)");
        assertThat(db.queryLong("SELECT count() FROM (" + hourly + ")")).isEqualTo(2);
        assertThat(db.run("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = "
                + "'daily_pages'").scalar().toString()).contains("allow_dimensions_outside_sorting_key = 1");
        new Drop(server, renderer).run(graph, database);
    }

    @Test
    void strictRefusesWhatRunsOnlyUnderACompatibilitySetting() {
        MvlabRun strict = MvlabRun.mvlab("render", "--strict", "--project", ACCEPT.toString());
        assertThat(strict.code()).isEqualTo(3);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("--strict: 4 construct(s) run on ClickHouse 26.7 only with a Tinybird "
                        + "compatibility setting")
                .contains("datasources/daily_pages.datasource:7: warning[aggregating-column-outside-key]")
                .contains("pipes/minutes.pipe:5: warning[join-without-alias]");

        MvlabRun lenient = MvlabRun.mvlab("render", "--project", ACCEPT.toString());
        assertThat(lenient.code()).isZero();
        assertThat(lenient.out()).contains("SETTINGS joined_subquery_requires_alias = 0");
        assertThat(lenient.err()).contains("warning[low-cardinality-number]");
        assertThat(WarningKind.JOIN_WITHOUT_ALIAS.compatibility()).isTrue();
        assertThat(WarningKind.MV_COLUMN_DROPPED.compatibility()).isFalse();
    }
}
