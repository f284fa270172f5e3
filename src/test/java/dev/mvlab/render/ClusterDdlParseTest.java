package dev.mvlab.render;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every statement rendered for a cluster of each kind passes ClickHouse's own parser ({@code formatQuery} on the real
 * engine); on a real cluster every statement but a copy's INSERT carries ON CLUSTER. ON CLUSTER and Replicated engines parse here although this engine (no Keeper) cannot run them.
 */
@ExtendWith(ClickHouseExtension.class)
class ClusterDdlParseTest {

    @Test
    void everyStatementOfEveryKindParses(Database server) {
        int parsed = 0;
        for (ProjectGraph graph : List.of(ClusterRenderGoldenTest.workshop(), ClusterRenderGoldenTest.inlineAndCopy())) {
            for (ClusterKind kind : ClusterKind.values()) {
                parsed += parseAll(server, graph, kind);
            }
        }
        assertThat(parsed).isGreaterThan(100);
    }

    private static int parseAll(Database server, ProjectGraph graph, ClusterKind kind) {
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates(), ClusterRenderGoldenTest.target(kind));
        List<Statement> statements = new ArrayList<>(renderer.applyPlan(graph).statements());
        statements.addAll(renderer.dropPlan(graph).statements());
        for (Statement statement : statements) {
            Object formatted = server.query("SELECT formatQuery(?)", statement.sql()).scalar();
            assertThat(formatted).as("%s %s", kind, statement.object()).asString().isNotBlank();
            if (kind == ClusterKind.REAL && statement.kind() != StatementKind.COPY) {
                assertThat(formatted.toString()).as(statement.object()).containsIgnoringCase("ON CLUSTER");
            }
        }
        return statements.size();
    }

    @Test
    void theParserCheckCanFail(Database server) {
        assertThatThrownBy(() -> server.query("SELECT formatQuery(?)",
                "CREATE TABLE t ON CLUSTER 'prod' AS t_local ENGINE = Distributed('prod', currentDatabase(), ")).isNotNull();
    }
}
