package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.CopyMode;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.TableEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Parses the workshop fixture: a JSON landing table, a catalogue, a materialized, a copy and an endpoint pipe. */
class WorkshopProjectTest {
    private static final Path WORKSHOP = Path.of("src/test/resources/datafile/workshop");

    private final Project project = ProjectLoader.load(WORKSHOP);

    @Test
    void landingDataSourceMapsJsonPaths() {
        DataSource events = project.datasource("estore_events").orElseThrow();
        assertThat(events.hasJsonPaths()).isTrue();
        assertThat(events.columns()).extracting(Column::name, Column::jsonPath).containsExactly(
                org.assertj.core.groups.Tuple.tuple("customer_id", "$.customer_id"),
                org.assertj.core.groups.Tuple.tuple("product_id", "$.product.product_id"),
                org.assertj.core.groups.Tuple.tuple("price", "$.product.price"),
                org.assertj.core.groups.Tuple.tuple("action", "$.action"),
                org.assertj.core.groups.Tuple.tuple("timestamp", "$.timestamp"));
        assertThat(events.columns().get(2).type()).isEqualTo("Nullable(Float64)");
        assertThat(events.engine().engine()).isEqualTo(TableEngine.MERGE_TREE);
        assertThat(events.engine().sortingKey()).isEqualTo("action, timestamp");
        assertThat(events.engine().partitionKey()).isEqualTo("toYYYYMM(timestamp)");
        assertThat(events.tokens()).containsExactly("estore_ingest APPEND");
        assertThat(events.tags()).containsExactly("workshop", "landing");
        assertThat(events.description()).startsWith("Landing data source: one row per e-store event")
                .contains("\nposted as JSON");
        assertThat(events.location().file()).isEqualTo(Path.of("datasources/estore_events.datasource"));
    }

    @Test
    void catalogueUsesBareValuesDefaultsAndCodecs() {
        DataSource products = project.datasource("products").orElseThrow();
        assertThat(products.hasJsonPaths()).isFalse();
        assertThat(products.engine().engine()).isEqualTo(TableEngine.REPLACING_MERGE_TREE);
        assertThat(products.engine().ver()).isEqualTo("updated_at");
        assertThat(products.columns().get(1).defaultExpr()).isEqualTo("concat('product ', product_id)");
        assertThat(products.columns().get(3).type()).isEqualTo("Decimal(18, 4)");
        assertThat(products.columns().get(3).codec()).isEqualTo("ZSTD(1)");
        assertThat(products.columns().get(4).type()).isEqualTo("DateTime64(3)");
    }

    @Test
    void materializedPipeWritesToAnAggregatingTarget() {
        Pipe pipe = project.pipe("sales_by_product").orElseThrow();
        assertThat(pipe.nodes()).extracting(Node::name).containsExactly("purchases", "aggregate");
        Node output = pipe.outputNode().orElseThrow();
        assertThat(output.type()).isEqualTo(NodeType.MATERIALIZED);
        assertThat(output.target()).isEqualTo("sales_by_product_mv");
        assertThat(output.targetEngine()).isNull();
        assertThat(output.sql()).startsWith("SELECT\n    day,").endsWith("GROUP BY day, product_id");
        assertThat(output.sqlLocation().line()).isEqualTo(18);
        DataSource target = project.datasource("sales_by_product_mv").orElseThrow();
        assertThat(target.engine().engine()).isEqualTo(TableEngine.AGGREGATING_MERGE_TREE);
        assertThat(target.columns()).extracting(Column::type).contains("AggregateFunction(sum, Float64)",
                "SimpleAggregateFunction(max, DateTime)");
    }

    @Test
    void copyPipeTakesANodeFromAnIncludeWithVariables() {
        Pipe pipe = project.pipe("daily_actions_copy").orElseThrow();
        Node included = pipe.nodes().get(0);
        assertThat(included.name()).isEqualTo("actions_per_day");
        assertThat(included.sql()).contains("FROM estore_events").contains("= yesterday()");
        assertThat(included.location().file()).isEqualTo(Path.of("includes/actions_per_day.incl"));
        Node copy = pipe.outputNode().orElseThrow();
        assertThat(copy.type()).isEqualTo(NodeType.COPY);
        assertThat(copy.target()).isEqualTo("daily_actions_snapshot");
        assertThat(copy.copySchedule()).isEqualTo("0 1 * * *");
        assertThat(copy.copyMode()).isEqualTo(CopyMode.APPEND);
    }

    @Test
    void endpointPipeKeepsItsTemplate() {
        Node endpoint = project.pipe("top_products").orElseThrow().outputNode().orElseThrow();
        assertThat(endpoint.type()).isEqualTo(NodeType.ENDPOINT);
        assertThat(endpoint.template()).isTrue();
        assertThat(endpoint.sql()).startsWith("%\nSELECT");
        assertThat(project.pipe("top_products").orElseThrow().tokens()).containsExactly("dashboard READ");
    }

    @Test
    void workshopProjectHasNoWarnings() {
        assertThat(project.warnings()).isEmpty();
        assertThat(project.datasources()).hasSize(4);
        assertThat(project.pipes()).hasSize(3);
    }
}
