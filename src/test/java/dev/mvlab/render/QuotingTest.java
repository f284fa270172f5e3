package dev.mvlab.render;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names go into SQL quoted where needed, so a hostile name stays a name (the parser refuses them earlier too). */
@ExtendWith(ClickHouseExtension.class)
class QuotingTest {

    @Test
    void aHostileColumnNameBecomesAColumnNotSql(Database db) {
        String hostile = "x` String) ENGINE = Memory; DROP TABLE victims; -- \\`";
        DataSource plain = Models.datasource("quoted", Models.mergeTree("MergeTree", "id"), "id UInt64",
                "index String");
        List<Column> columns = new ArrayList<>(plain.columns());
        columns.add(new Column(hostile, "String", null, null, null, Models.at("datasources/quoted.datasource", 5)));
        DataSource table = new DataSource(plain.name(), null, columns, plain.engine(), List.of(), List.of(), List.of(),
                List.of(), plain.location());
        ProjectGraph graph = GraphBuilder.build(Models.project(List.of(table)));
        String sql = new SqlRenderer(new SqlTemplates()).applyPlan(graph).statements().get(0).sql();
        assertThat(sql).contains("    id UInt64,\n    `index` String,\n"
                + "    `x\\` String) ENGINE = Memory; DROP TABLE victims; -- \\\\\\`` String\n");

        db.execute("CREATE TABLE victims (a UInt8) ENGINE = MergeTree ORDER BY a");
        db.execute(sql);
        assertThat(db.query("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'quoted' "
                + "ORDER BY position").rows()).extracting(r -> r.get(0)).containsExactly("id", "index", hostile);
        assertThat(db.query("SELECT engine FROM system.tables WHERE database = currentDatabase() AND name = 'quoted'")
                .scalar()).isEqualTo("MergeTree");
        assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = currentDatabase() "
                + "AND name = 'victims'")).isEqualTo(1);
    }
}
