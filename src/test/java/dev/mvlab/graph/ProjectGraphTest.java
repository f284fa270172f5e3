package dev.mvlab.graph;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Project;
import dev.mvlab.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mvlab.testing.Models.datasource;
import static dev.mvlab.testing.Models.endpoint;
import static dev.mvlab.testing.Models.materialized;
import static dev.mvlab.testing.Models.mergeTree;
import static dev.mvlab.testing.Models.node;
import static dev.mvlab.testing.Models.pipe;
import static dev.mvlab.testing.Models.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProjectGraphTest {
    private final ProjectGraph shop = GraphBuilder.build(Models.shop());

    @Test
    void objectsAreInDataFlowOrder() {
        assertThat(names(shop.objects())).containsExactly("events", "purchases_mv", "purchases", "sales_hourly_mv",
                "sales_hourly", "top_products");
    }

    @Test
    void applyCreatesTablesThenViewsThenMaterializedViewsFromDownstreamUp() {
        assertThat(names(shop.applyOrder())).containsExactly("events", "purchases", "sales_hourly", "top_products",
                "sales_hourly_mv", "purchases_mv");
    }

    @Test
    void dropRunsTheApplyOrderBackwards() {
        assertThat(names(shop.dropOrder())).containsExactly("purchases_mv", "sales_hourly_mv", "top_products",
                "sales_hourly", "purchases", "events");
    }

    @Test
    void readsAndWritesFollowNodesOfThePipe() {
        ProjectObject mv = shop.object("purchases_mv").orElseThrow();
        assertThat(mv.reads()).containsExactly("events");
        assertThat(mv.writes()).isEqualTo("purchases");
        assertThat(mv.query().nodes()).extracting(QueryNode::name).containsExactly("only_purchases", "with_price");
        assertThat(mv.query().output().sql()).doesNotEndWith(";");
        assertThat(names(shop.upstream("sales_hourly"))).containsExactly("sales_hourly_mv");
        assertThat(names(shop.downstream("purchases"))).containsExactly("sales_hourly_mv");
    }

    @Test
    void lineageText() {
        assertThat(LineageText.of(shop)).isEqualTo("""
                events
                └── purchases_mv [materialized view] ==> purchases
                    └── sales_hourly_mv [materialized view] ==> sales_hourly
                        └── top_products [view]
                """);
    }

    @Test
    void mermaidDiagram() {
        assertThat(MermaidDiagram.of(shop)).isEqualTo("""
                flowchart LR
                    ds_events[("events")]
                    pipe_purchases_mv{{"purchases_mv"}}
                    ds_purchases[("purchases")]
                    pipe_sales_hourly_mv{{"sales_hourly_mv"}}
                    ds_sales_hourly[("sales_hourly")]
                    pipe_top_products("top_products")
                    ds_events --> pipe_purchases_mv
                    pipe_purchases_mv --> ds_purchases
                    ds_purchases --> pipe_sales_hourly_mv
                    pipe_sales_hourly_mv --> ds_sales_hourly
                    ds_sales_hourly --> pipe_top_products
                """);
    }

    @Test
    void aCycleIsAnErrorNamingItAndAPipeInIt() {
        DataSource a = datasource("a", mergeTree("MergeTree", "x"), "x UInt64");
        DataSource b = datasource("b", mergeTree("MergeTree", "x"), "x UInt64");
        DataSource c = datasource("c", mergeTree("MergeTree", "x"), "x UInt64");
        Project project = project(List.of(a, b, c),
                pipe("c_from_a", materialized("c_from_a", "n", 1, "SELECT x FROM a", "c")),
                pipe("b_from_a", materialized("b_from_a", "n", 1, "SELECT x FROM a", "b")),
                pipe("a_from_b", materialized("a_from_b", "n", 4, "SELECT x FROM b", "a")));
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> GraphBuilder.build(project));
        assertThat(error.getMessage()).isEqualTo(
                "pipes/b_from_a.pipe:1:1: cycle in the data flow: b_from_a --> b --> a_from_b --> a --> b_from_a");
        assertThat(error.hint()).isEqualTo(
                "a materialized view must not feed, directly or through other views, a table it reads");
        assertThat(error.exitCode().code()).isEqualTo(3);
    }

    @Test
    void aCopyPipeMayReadTheTableItCopiesInto() {
        DataSource events = datasource("events", mergeTree("MergeTree", "day"), "day Date");
        DataSource history = datasource("history", mergeTree("MergeTree", "day"), "day Date");
        ProjectGraph graph = GraphBuilder.build(project(List.of(events, history), pipe("history_copy",
                Models.copy("history_copy", "n", 1,
                        "SELECT day FROM events WHERE day > (SELECT max(day) FROM history)", "history", "append"))));
        assertThat(graph.object("history_copy").orElseThrow().reads()).containsExactly("events", "history");
        assertThat(names(graph.applyOrder())).containsExactly("events", "history", "history_copy");
        assertThat(names(graph.dropOrder())).containsExactly("history", "events");
    }

    @Test
    void anUnknownTableIsAnErrorAtItsLineWithASuggestion() {
        Project project = project(List.of(datasource("estore_events", mergeTree("MergeTree", "t"), "t DateTime")),
                pipe("p", node("p", "first", 5, "SELECT t\nFROM estore_event"),
                        endpoint("p", "second", 12, "SELECT * FROM first")));
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> GraphBuilder.build(project));
        assertThat(error.getMessage()).isEqualTo("pipes/p.pipe:8:6: node `first` reads `estore_event`, which is not "
                + "a data source, an endpoint pipe or an earlier node of pipe `p`");
        assertThat(error.hint()).isEqualTo("did you mean `estore_events`?");
    }

    @Test
    void aNameWithNothingCloseGetsAGeneralHint() {
        Project project = project(List.of(datasource("events", mergeTree("MergeTree", "t"), "t DateTime")),
                pipe("p", endpoint("p", "only", 1, "SELECT * FROM completely_different")));
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> GraphBuilder.build(project));
        assertThat(error.hint()).isEqualTo("a node reads data sources, endpoint pipes, earlier nodes of its pipe, "
                + "table functions and system tables");
    }

    @Test
    void aMaterializedTargetThatIsNotADataSourceIsAnError() {
        Project project = project(List.of(datasource("events", mergeTree("MergeTree", "t"), "t DateTime")),
                pipe("p", materialized("p", "n", 2, "SELECT t FROM events", "evnts_copy")));
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> GraphBuilder.build(project));
        assertThat(error.getMessage()).startsWith("pipes/p.pipe:2:1: node `n` of pipe `p` materializes into "
                + "`evnts_copy`, which is not a data source");
    }

    @Test
    void anInvalidNameIsRefusedBeforeItReachesSql() {
        DataSource bad = datasource("x; DROP TABLE y", mergeTree("MergeTree", "t"), "t DateTime");
        DatafileException error = catchThrowableOfType(DatafileException.class,
                () -> GraphBuilder.build(project(List.of(bad))));
        assertThat(error.getMessage()).startsWith("datasources/x; DROP TABLE y.datasource:1:1: "
                + "`x; DROP TABLE y` is not a valid data source name");
    }

    private static List<String> names(List<ProjectObject> objects) {
        return objects.stream().map(ProjectObject::name).toList();
    }
}
