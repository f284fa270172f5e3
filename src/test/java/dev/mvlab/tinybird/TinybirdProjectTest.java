package dev.mvlab.tinybird;

import dev.mvlab.testing.ProjectCopy;
import dev.mvlab.datafile.DatafileException;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.ProjectCheck;
import dev.mvlab.deploy.ProjectCheckResult;
import dev.mvlab.deploy.Diff;
import dev.mvlab.deploy.Drop;
import dev.mvlab.deploy.ObjectDiff;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.render.EndpointSql;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.template.ParameterValues;
import dev.mvlab.template.TemplateException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Real Tinybird project shapes on a real ClickHouse: a Classic project (pipes without TYPE are endpoints, endpoint
 * pipes inlined into the materialized pipes that read them, connectors, Join and sampling engines, dotted and shared
 * names, service and quarantine tables, sinks, lint) and a Forward one (its folders, nested ones, connections, tests).
 */
@ExtendWith(ClickHouseExtension.class)
class TinybirdProjectTest {
    private static final Path RESOURCES = Path.of(System.getProperty("mvlab.project.dir", "."))
            .toAbsolutePath().resolve("src/test/resources/tinybird");
    private static final Path CLASSIC = RESOURCES.resolve("classic");
    private static final Path FORWARD = RESOURCES.resolve("forward");
    private static final Path COMPAT = RESOURCES.resolve("compat");
    private static final Path AGGREGATE_ORDER = RESOURCES.resolve("aggregate-order");

    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());

    @Test
    void aMaterializedPipeOverAnEndpointFiresOnInsertsIntoTheDataSourceUnderneath(Database server) {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(CLASSIC));
        assertThat(graph.object("hits").orElseThrow().kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(graph.object("pages").orElseThrow().reads()).containsExactly("events");
        String database = server.name() + "_classic";
        new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        Database db = server.use(database);
        db.execute("INSERT INTO events VALUES (now(), 's1', '/a', 1), (now(), 's2', '/b', 2), (now(), 's1', '/a', 3)");
        assertThat(db.queryLong("SELECT countMerge(hits) FROM pages_mv WHERE pathname = '/a'")).isEqualTo(2);
        assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name IN "
                + "('tinybird.pipe_stats_rt', 'events_quarantine', 'Shared.teams', 'other_ws.owners')")).isEqualTo(4);
        assertThat(db.queryLong("SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = "
                + "'kafka_events' AND name IN ('__timestamp', '__offset', '__value')")).isEqualTo(3);
        assertThat(db.run("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = "
                + "'countries'").scalar().toString()).startsWith("Join(ANY, LEFT, code)");
        assertThat(db.run("SELECT sampling_key FROM system.tables WHERE database = currentDatabase() AND name = "
                + "'events'").scalar().toString()).isEqualTo("intHash32(`p.id`)");
        new Drop(server, renderer).run(graph, database);
    }

    @Test
    void sqlWrittenForTinybirdsClickHouseRunsUnderTheCompatibilitySettings(Database server) {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(COMPAT));
        ProjectCheckResult check = new ProjectCheck(server, renderer).run(graph);
        assertThat(check.issues()).isEmpty();
        assertThat(check.lint()).extracting(Warning::kind).containsExactly(WarningKind.ENDPOINT_DUPLICATE_COLUMNS);
        String endpoint = new EndpointSql(graph).sql("evolution", ParameterValues.of(Map.of("artist", "y")));
        assertThat(endpoint).contains("artist = 'y'")
                .endsWith("SETTINGS analyzer_compatibility_join_using_top_level_identifier = 1");
        String database = server.name() + "_compat";
        for (int i = 0; i < 2; i++) {
            assertThat(new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT).steps())
                    .filteredOn(step -> step.action() == AppliedStatement.Action.KEPT_AS_QUERY)
                    .extracting(step -> step.statement().object()).containsExactly("current");
        }
        Database db = server.use(database);
        // the MV's SELECT carries the setting, so a plain INSERT (no settings of its own) feeds it
        db.execute("INSERT INTO plays VALUES ('2024-01-01 10:00:00', 'x', 2), ('2024-01-02 10:00:00', 'y', 3)");
        assertThat(db.queryLong("SELECT sum(n) FROM daily_plays")).isEqualTo(5);
        assertThat(db.queryLong("SELECT count() FROM evolution")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count() FROM (" + endpoint + ")")).isEqualTo(1);
        // the endpoint with a column named twice returns it twice, as Tinybird's query would
        assertThat(db.run(new EndpointSql(graph).sql("current", ParameterValues.none())).columns())
                .containsExactly("artist", "half", "half");
        new Drop(server, renderer).run(graph, database);
    }

    @Test
    void anEndpointSortedByAnAggregateStateLeavesThatKeyOut(Database server) {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(AGGREGATE_ORDER));
        ProjectCheckResult check = new ProjectCheck(server, renderer).run(graph);
        assertThat(check.issues()).isEmpty();
        assertThat(check.lint()).singleElement().satisfies(w -> assertThat(w.toString()).startsWith(
                "pipes/running_plays.pipe:7: warning[order-by-aggregate-state]: endpoint running_plays sorts by"
                        + " aggregate state(s) `running_plays`"));
        String database = server.name() + "_aggorder";
        for (int i = 0; i < 2; i++) {
            new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        }
        assertThat(new Diff(server, renderer).run(graph, database).objects())
                .allMatch(o -> o.status() == ObjectDiff.Status.SAME);
        Database db = server.use(database);
        db.execute("INSERT INTO plays VALUES ('2024-01-01 10:00:00', 'x', 2), ('2024-01-02 10:00:00', 'x', 3)");
        assertThat(db.run("SELECT day, finalizeAggregation(running_plays) FROM running_plays").rows())
                .extracting(r -> r.get(0).toString() + "=" + r.get(1)).containsExactly("2024-01-02=5", "2024-01-01=2");
        new Drop(server, renderer).run(graph, database);
    }

    @Test
    void checkRunsEveryNodeAndGivesTheLintWarnings(Database server) {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(CLASSIC));
        ProjectCheckResult result = new ProjectCheck(server, renderer).run(graph);
        assertThat(result.issues()).isEmpty();
        assertThat(graph.nodeChecks()).extracting(q -> q.pipe().name() + "." + q.output().name())
                .contains("service.stats", "service.quarantined", "top_pages.filtered", "export.to_bucket");
        assertThat(result.lint()).extracting(Warning::kind)
                .contains(WarningKind.MV_COLUMN_DEFAULTED, WarningKind.MV_COLUMN_SETS_DIFFER);
        assertThat(graph.lint()).filteredOn(w -> w.kind() == WarningKind.MV_WITHOUT_TYPE).singleElement()
                .satisfies(w -> assertThat(w.toString()).startsWith("pipes/feed_sessions_mv.pipe:1: "
                        + "warning[mv-without-type]: pipe feed_sessions_mv is named like a materialized pipe feeding "
                        + "data source sessions_mv"));
    }

    @Test
    void anEndpointRendersWithTheRequestParametersAndRefusesABadValue() {
        EndpointSql endpoints = new EndpointSql(GraphBuilder.build(ProjectLoader.load(CLASSIC)));
        String sql = endpoints.sql("top_pages", ParameterValues.of(Map.of("date_from", "2024-02-01", "limit", "7")));
        assertThat(sql).contains("filtered AS (").contains("'2024-02-01'").contains("7");
        assertThat(endpoints.parameters("top_pages")).extracting(p -> p.name()).containsExactly("date_from", "limit");
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> endpoints.sql("top_pages", ParameterValues.of(Map.of("limit", "abc"))));
        assertThat(error.isParameterError()).isTrue();
        assertThat(error.exitCode().code()).isEqualTo(3);
        String inlined = endpoints.sql("hits", ParameterValues.of(Map.of("path", "/a")));
        assertThat(inlined).contains("WHERE pathname = '/a'");
    }

    @Test
    void aForwardProjectLoadsEveryFolderAndRuns(Database server) {
        Project project = ProjectLoader.load(FORWARD);
        ProjectGraph graph = GraphBuilder.build(project);
        assertThat(graph.object("daily_mv").orElseThrow().kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
        assertThat(graph.object("snapshot_copy").orElseThrow().kind()).isEqualTo(ObjectKind.COPY);
        assertThat(graph.object("vitals").orElseThrow().kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(project.warnings()).extracting(Warning::toString).anyMatch(w -> w.startsWith(
                "connections/kafka_main.connection:1: warning: connection kafka_main (kafka) is not run"))
                .noneMatch(w -> w.contains("tests/")); // a test file that parses is for mvlab test, not a warning
        String database = server.name() + "_forward";
        new Apply(server, renderer).run(graph, database, ApplyOptions.DEFAULT);
        Database db = server.use(database);
        db.execute("INSERT INTO events VALUES (now(), 'lcp', 2.5), (now(), 'lcp', 1.5)");
        assertThat(db.queryLong("SELECT toInt64(sum(total)) FROM daily")).isEqualTo(4);
        assertThat(new ProjectCheck(server, renderer).run(graph).issues()).isEmpty();
        new Drop(server, renderer).run(graph, database);
    }

    @Test
    void nothingIsSkippedSilently(@TempDir Path dir) throws IOException {
        ProjectCopy.tree(FORWARD, dir);
        Files.createDirectories(dir.resolve("datasources/odd.datasource"));
        Files.createSymbolicLink(dir.resolve("endpoints/gone.pipe"), dir.resolve("nowhere.pipe"));
        Files.writeString(dir.resolve("datasources/LOUD.DATASOURCE"), "SCHEMA >\n    `a` String\n");
        Files.createDirectories(dir.resolve("playgrounds"));
        Files.writeString(dir.resolve("playgrounds/draft.pipe"), "NODE n\nSQL >\n    SELECT 1\n");
        Project project = ProjectLoader.load(dir);
        assertThat(project.warnings()).filteredOn(w -> w.kind() == WarningKind.SKIPPED).extracting(Warning::toString)
                .anyMatch(w -> w.startsWith("datasources/odd.datasource:1: warning: `datasources/odd.datasource` is "
                        + "a folder, not a datafile"))
                .anyMatch(w -> w.startsWith("endpoints/gone.pipe:1: warning: `endpoints/gone.pipe` is a link to "
                        + "nothing"))
                .anyMatch(w -> w.contains("`datasources/LOUD.DATASOURCE` is skipped: datafile extensions are lower "
                        + "case"))
                .anyMatch(w -> w.contains("`playgrounds/draft.pipe` is not in a Tinybird folder"));
    }

    @Test
    void theSamePipeInPipesAndEndpointsIsTheEndpointsOneWithAWarning(@TempDir Path dir) throws IOException {
        ProjectCopy.tree(FORWARD, dir);
        Files.createDirectories(dir.resolve("pipes"));
        Files.writeString(dir.resolve("pipes/metrics.pipe"), "NODE old\nSQL >\n    SELECT 1\n");
        Project project = ProjectLoader.load(dir);
        assertThat(project.pipe("metrics").orElseThrow().location().file().toString()).isEqualTo("endpoints/metrics.pipe");
        assertThat(project.warnings()).extracting(Warning::toString).contains("pipes/metrics.pipe:1: warning: pipe "
                + "`metrics` is defined twice: endpoints/metrics.pipe replaces pipes/metrics.pipe, as Tinybird's CLI "
                + "does (it reads endpoints/ after pipes/); delete or rename one file");
    }

    @Test
    void aPipeReadingAMaterializedPipeIsAnErrorAtItsLine() {
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> GraphBuilder.build(
                withPipe("endpoints/wrong.pipe", "NODE n\nSQL >\n    SELECT * FROM daily_mv\n")));
        assertThat(error.getMessage()).startsWith("endpoints/wrong.pipe:3:19: node `n` reads `daily_mv`, which is a "
                + "materialized pipe");
    }

    private static Project withPipe(String path, String text) {
        try {
            Path dir = Files.createTempDirectory("mvlab-tb");
            ProjectCopy.tree(FORWARD, dir);
            Files.writeString(dir.resolve(path), text);
            return ProjectLoader.load(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
