package dev.mvlab.render;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.DataIndex;
import dev.mvlab.model.DataSource;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqlTemplatesTest {

    @Test
    void numbersAreNeverGroupedOrLocalised() {
        assertThat(new SqlTemplates().render("drop_table.ftl", Map.of("name", "t", "header", List.of(1234567))))
                .startsWith("-- 1234567\n");
        DataSource table = Models.datasource("events", Models.mergeTree("MergeTree", "id"), "id UInt64");
        DataSource indexed = new DataSource(table.name(), null, table.columns(), table.engine(),
                List.of(new DataIndex("id_minmax", "id", "minmax", 1_000_000, null)), List.of(), List.of(), List.of(),
                table.location());
        ProjectGraph graph = GraphBuilder.build(Models.project(List.of(indexed)));
        String sql = new SqlRenderer(new SqlTemplates()).applyPlan(graph).statements().get(0).sql();
        assertThat(sql).contains("INDEX id_minmax id TYPE minmax GRANULARITY 1000000\n").doesNotContain("1,000,000");
    }

    @Test
    void aTemplateInTheOverrideFolderWinsOverTheBuiltInOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("create_view.ftl"), """
                <#import "macros.ftl" as m>
                -- company style
                CREATE OR REPLACE VIEW ${name} AS
                ${query}
                """);
        ProjectGraph graph = GraphBuilder.build(Models.shop());
        Plan plan = new SqlRenderer(new SqlTemplates(dir)).applyPlan(graph);
        Statement view = plan.statements().stream().filter(s -> s.kind() == StatementKind.CREATE_VIEW).findFirst()
                .orElseThrow();
        assertThat(view.sql()).startsWith("-- company style\nCREATE OR REPLACE VIEW top_products AS\nSELECT");
        Statement table = plan.statements().get(0);
        assertThat(table.sql()).startsWith("-- events: table, from datasources/events.datasource:1\nCREATE TABLE events");
    }

    @Test
    void aBrokenOverrideIsAClearErrorNamingTheTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("drop_view.ftl"), "DROP VIEW ${no_such_variable}\n");
        MvlabException error = catchThrowableOfType(MvlabException.class,
                () -> new SqlTemplates(dir).render("drop_view.ftl", Map.of("name", "v")));
        assertThat(error.getMessage()).startsWith("SQL template drop_view.ftl failed: The following has evaluated to "
                + "null or missing:");
        assertThat(error.hint()).contains(dir.toString());
        assertThat(error.exitCode().code()).isEqualTo(3);
    }

    @Test
    void aMissingOverrideFolderIsAUsageError(@TempDir Path dir) {
        MvlabException error = catchThrowableOfType(MvlabException.class,
                () -> new SqlTemplates(dir.resolve("nope")));
        assertThat(error.getMessage()).isEqualTo("the templates folder " + dir.resolve("nope") + " does not exist");
        assertThat(error.exitCode().code()).isEqualTo(2);
    }

    @Test
    void templatesCannotReachJavaClasses(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("drop_view.ftl"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        assertThatFails(() -> new SqlTemplates(dir).render("drop_view.ftl", Map.of("name", "v")));
    }

    private static void assertThatFails(Runnable run) {
        assertThat(catchThrowableOfType(MvlabException.class, run::run)).isNotNull();
    }
}
