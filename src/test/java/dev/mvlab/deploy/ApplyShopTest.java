package dev.mvlab.deploy;

import dev.mvlab.engine.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClickHouseExtension.class)
class ApplyShopTest {
    private final SqlRenderer renderer = new SqlRenderer(new SqlTemplates());

    @Test
    void applyTwiceThenDiffIsCleanAndDropRemovesEverything(Database db) {
        ProjectGraph graph = GraphBuilder.build(Models.shop());
        String database = db.name() + "_shop";
        ApplyResult first = new Apply(db, renderer).run(graph, database, ApplyOptions.DEFAULT);
        System.out.println(first);
        ApplyResult second = new Apply(db, renderer).run(graph, database, ApplyOptions.DEFAULT);
        System.out.println(second);
        DiffResult diff = new Diff(db, renderer).run(graph, database);
        System.out.println(diff);
        try (Database shop = db.use(database)) {
            shop.execute("INSERT INTO events VALUES ('purchase', 'p1', 10, '2024-01-01 10:00:00'), ('view', 'p1', NULL, '2024-01-01 10:01:00'), ('purchase', 'p1', 5, '2024-01-01 10:02:00')");
            System.out.println(shop.query("SELECT product_id, countMerge(purchases), sumMerge(revenue) FROM sales_hourly GROUP BY product_id").rows());
        }
        DropResult drop = new Drop(db, renderer).run(graph, database);
        System.out.println(drop);
    }
}
