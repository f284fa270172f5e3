package dev.mvlab.report;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The lineage as ClickHouse 26.7 really wires it, read back from system.tables. */
@ExtendWith(ClickHouseExtension.class)
class LineageReaderTest {

    @Test
    void aUnionViewFiresOnItsFirstTableOnlyAndReadsTheOthers(Database db) {
        db.run("CREATE TABLE web (product String, units UInt32) ENGINE = MergeTree ORDER BY product");
        db.run("CREATE TABLE shop (product String, units UInt32) ENGINE = MergeTree ORDER BY product");
        db.run("CREATE TABLE sales (channel String, product String, units UInt32) ENGINE = MergeTree ORDER BY product");
        db.run("CREATE MATERIALIZED VIEW sales_mv TO sales AS SELECT 'web' AS channel, product, units FROM web "
                + "UNION ALL SELECT 'shop' AS channel, product, units FROM shop");
        db.run("CREATE VIEW latest AS SELECT product FROM web");
        db.run("CREATE DICTIONARY products_dict (product String, units UInt32) PRIMARY KEY product "
                + "SOURCE(CLICKHOUSE(TABLE 'shop')) LIFETIME(0) LAYOUT(COMPLEX_KEY_HASHED())");
        db.run("CREATE TABLE copy (product String) ENGINE = MergeTree ORDER BY product");
        db.run("CREATE MATERIALIZED VIEW copy_refresh REFRESH EVERY 1 DAY TO copy AS SELECT product FROM shop");

        Lineage lineage = LineageReader.read(db, Set.of("sales"));

        assertThat(lineage.edges()).containsExactlyInAnyOrder(
                new Lineage.Edge("web", "sales_mv", Lineage.Flow.TRIGGERS),
                new Lineage.Edge("shop", "sales_mv", Lineage.Flow.READS),
                new Lineage.Edge("sales_mv", "sales", Lineage.Flow.WRITES),
                new Lineage.Edge("web", "latest", Lineage.Flow.READS),
                new Lineage.Edge("shop", "products_dict", Lineage.Flow.READS),
                new Lineage.Edge("shop", "copy_refresh", Lineage.Flow.READS),
                new Lineage.Edge("copy_refresh", "copy", Lineage.Flow.WRITES));
        assertThat(lineage.nodes()).filteredOn(Lineage.Node::focus).extracting(Lineage.Node::name)
                .containsExactlyInAnyOrder("sales", "sales_mv");
        assertThat(lineage.nodes()).extracting(Lineage.Node::kind).contains(Lineage.Kind.DICTIONARY,
                Lineage.Kind.REFRESHABLE_VIEW, Lineage.Kind.VIEW, Lineage.Kind.MATERIALIZED_VIEW);
        assertThat(lineage.mermaid()).contains("flowchart LR").contains("{{\"sales_mv\"}}").contains(" -.-> ")
                .contains("class ");
    }
}
