package dev.mvlab.deploy;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClickHouseExtension.class)
class CheckTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());

    @Test
    void everyGoldenProjectAndTheRepoRunOnClickHouse(Database server) throws IOException {
        List<Path> projects;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("src/test/resources/golden"))) {
            projects = dirs.map(d -> d.resolve("input")).filter(Files::isDirectory)
                    .filter(d -> !d.getParent().getFileName().toString().startsWith("error-")).sorted().toList();
        }
        assertThat(projects).hasSizeGreaterThanOrEqualTo(4);
        for (Path project : Stream.concat(projects.stream(), Stream.of(ROOT)).toList()) {
            ProjectCheckResult result = new ProjectCheck(server, renderer).run(GraphBuilder.build(ProjectLoader.load(project)));
            assertThat(result.engineChecked()).isTrue();
            assertThat(result.issues()).as("issues of %s", project).isEmpty();
        }
        assertThat(server.queryLong("SELECT count() FROM system.databases WHERE name LIKE 'mvlab_shadow_%'")).isZero();
    }

    @Test
    void aRefusedStatementIsReportedAtItsDatafileAndItsDependentsAreSkipped(Database server) {
        Project shop = Models.shop();
        Project broken = new Project(shop.root(), shop.datasources(), shop.pipes().stream()
                .map(p -> !p.name().equals("purchases_mv") ? p : Models.pipe("purchases_mv",
                        Models.materialized("purchases_mv", "bad", 7, "SELECT product_id, no_such_function(price) AS "
                                + "price, timestamp FROM events", "purchases")))
                .toList(), List.of());
        ProjectGraph graph = GraphBuilder.build(broken);
        ProjectCheckResult result = new ProjectCheck(server, renderer).run(graph);
        assertThat(result.ok()).isFalse();
        assertThat(result.issues()).hasSize(1);
        CheckIssue issue = result.issues().get(0);
        assertThat(issue.toString()).startsWith("pipes/purchases_mv.pipe:7: purchases_mv: Code: 46. DB::Exception: "
                + "Function with name `no_such_function` does not exist.");
        assertThat(new ProjectCheck(null, renderer).run(graph).engineChecked()).isFalse();
    }
}
