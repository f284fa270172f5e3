package dev.mvlab.datafile;

import dev.mvlab.model.CopyMode;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.TableEngine;
import dev.mvlab.model.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipeParserTest {
    private final List<Warning> warnings = new ArrayList<>();

    @TempDir
    Path dir;

    private Pipe parse(String name, String text) {
        return PipeParser.parse(Path.of("pipes", name + ".pipe"), text, warnings);
    }

    @Test
    void multiNodePipeWithDescriptionsTagsAndToken() {
        Pipe pipe = parse("funnel", """
                DESCRIPTION >
                    Cart to purchase funnel.
                TAGS "funnel", "workshop"
                TOKEN "dashboard" READ

                NODE carts
                DESCRIPTION Cart events only
                SQL >
                    SELECT customer_id, product_id
                    FROM estore_events

                    WHERE action = 'cart'

                NODE purchases
                SQL >
                    SELECT customer_id, product_id FROM estore_events WHERE action = 'purchase'

                NODE funnel
                DESCRIPTION >
                    Joins both.
                SQL >
                        SELECT count() FROM carts
                        JOIN purchases USING (customer_id, product_id)
                TYPE Endpoint
                """);
        assertThat(pipe.description()).isEqualTo("Cart to purchase funnel.");
        assertThat(pipe.tags()).containsExactly("funnel", "workshop");
        assertThat(pipe.tokens()).containsExactly("dashboard READ");
        assertThat(pipe.nodes()).extracting(Node::name).containsExactly("carts", "purchases", "funnel");
        Node carts = pipe.nodes().get(0);
        assertThat(carts.description()).isEqualTo("Cart events only");
        assertThat(carts.sql()).isEqualTo("SELECT customer_id, product_id\nFROM estore_events\n\n"
                + "WHERE action = 'cart'");
        assertThat(carts.type()).isEqualTo(NodeType.STANDARD);
        assertThat(carts.location()).hasToString("pipes/funnel.pipe:6:1");
        assertThat(carts.sqlLocation()).hasToString("pipes/funnel.pipe:9:5");
        Node funnel = pipe.outputNode().orElseThrow();
        assertThat(funnel.name()).isEqualTo("funnel");
        assertThat(funnel.type()).isEqualTo(NodeType.ENDPOINT);
        assertThat(funnel.description()).isEqualTo("Joins both.");
        assertThat(funnel.sql()).isEqualTo("SELECT count() FROM carts\nJOIN purchases USING (customer_id, product_id)");
        assertThat(funnel.sqlLocation()).hasToString("pipes/funnel.pipe:22:9");
        assertThat(warnings).isEmpty();
    }

    @Test
    void typeIsCaseInsensitiveAndMayBeQuoted() {
        for (String written : List.of("materialized", "MATERIALIZED", "Materialized", "\"materialized\"")) {
            Pipe pipe = parse("mv", "NODE n\nSQL >\n    SELECT 1 AS x\nTYPE " + written + "\nDATASOURCE target\n");
            assertThat(pipe.outputNode().orElseThrow().type()).as(written).isEqualTo(NodeType.MATERIALIZED);
            assertThat(pipe.outputNode().orElseThrow().target()).isEqualTo("target");
        }
        assertThat(parse("c", "NODE n\nSQL >\n    SELECT 1\nTYPE COPY\nTARGET_DATASOURCE t\n")
                .outputNode().orElseThrow().type()).isEqualTo(NodeType.COPY);
        assertThat(parse("e", "NODE n\nSQL >\n    SELECT 1\nTYPE endpoint\n")
                .outputNode().orElseThrow().type()).isEqualTo(NodeType.ENDPOINT);
    }

    @Test
    void templateSqlKeepsItsPercentLine() {
        Node node = parse("t", """
                NODE endpoint
                SQL >
                    %
                    SELECT * FROM estore_events
                    {% if defined(action) %} WHERE action = {{ String(action) }} {% end %}
                """).nodes().get(0);
        assertThat(node.template()).isTrue();
        assertThat(node.sql()).startsWith("%\nSELECT * FROM estore_events\n{% if defined(action) %}");
        assertThat(parse("u", "NODE n\nSQL >\n    SELECT 1\n").nodes().get(0).template()).isFalse();
    }

    @Test
    void inlineTargetEngineAfterDatasource() {
        Node node = parse("rollup", """
                NODE rollup
                SQL >
                    SELECT toStartOfHour(timestamp) AS hour, action, countState() AS events
                    FROM estore_events GROUP BY hour, action

                TYPE MATERIALIZED
                DATASOURCE actions_per_hour
                ENGINE "AggregatingMergeTree"
                ENGINE_PARTITION_KEY "toYYYYMM(hour)"
                ENGINE_SORTING_KEY "hour, action"
                ENGINE_TTL "hour + toIntervalDay(30)"
                """).outputNode().orElseThrow();
        EngineSpec engine = node.targetEngine();
        assertThat(engine).isNotNull();
        assertThat(engine.engine()).isEqualTo(TableEngine.AGGREGATING_MERGE_TREE);
        assertThat(engine.sortingKey()).isEqualTo("hour, action");
        assertThat(engine.partitionKey()).isEqualTo("toYYYYMM(hour)");
        assertThat(engine.ttl()).isEqualTo("hour + toIntervalDay(30)");
        assertThat(engine.location()).hasToString("pipes/rollup.pipe:8:1");
    }

    @Test
    void copyNodeWithScheduleAndMode() {
        Node node = parse("snap", """
                NODE snap
                SQL >
                    SELECT * FROM estore_events
                TYPE copy
                TARGET_DATASOURCE snapshot
                COPY_SCHEDULE "@on-demand"
                COPY_MODE REPLACE
                """).outputNode().orElseThrow();
        assertThat(node.targetDatasource()).isEqualTo("snapshot");
        assertThat(node.target()).isEqualTo("snapshot");
        assertThat(node.copySchedule()).isEqualTo("@on-demand");
        assertThat(node.copyMode()).isEqualTo(CopyMode.REPLACE);
    }

    @Test
    void includesBringNodesAndInstructionLinesWithVariables() {
        new TestProject(dir)
                .file("includes/only_action.incl", """
                        NODE only_$ACTION
                        DESCRIPTION Only ${ACTION} events
                        SQL >
                            SELECT * FROM ${SOURCE} WHERE action = '$ACTION'
                        INCLUDE "nested/limit.incl" "N=10"
                        """)
                .file("includes/nested/limit.incl", """
                        NODE limited
                        SQL >
                            SELECT * FROM only_$ACTION LIMIT $N
                        """)
                .file("includes/materialize.incl", "TYPE materialized\nDATASOURCE ${TARGET}\n");
        Path pipeFile = dir.resolve("pipes/views.pipe");
        Pipe pipe = PipeParser.parse(pipeFile, """
                INCLUDE "../includes/only_action.incl" "ACTION=view" SOURCE=estore_events

                NODE counted
                SQL >
                    SELECT count() AS views FROM limited
                INCLUDE "../includes/materialize.incl" "TARGET=views_mv"
                """, warnings);
        assertThat(pipe.nodes()).extracting(Node::name).containsExactly("only_view", "limited", "counted");
        assertThat(pipe.nodes().get(0).description()).isEqualTo("Only view events");
        assertThat(pipe.nodes().get(0).sql()).isEqualTo("SELECT * FROM estore_events WHERE action = 'view'");
        assertThat(pipe.nodes().get(1).sql()).isEqualTo("SELECT * FROM only_view LIMIT 10");
        assertThat(pipe.nodes().get(1).location().file()).isEqualTo(dir.resolve("includes/nested/limit.incl"));
        Node output = pipe.outputNode().orElseThrow();
        assertThat(output.name()).isEqualTo("counted");
        assertThat(output.target()).isEqualTo("views_mv");
    }

    @Test
    void anIncludeCycleIsAnError() {
        new TestProject(dir).file("includes/a.incl", "INCLUDE \"b.incl\"\n").file("includes/b.incl", "INCLUDE \"a.incl\"\n");
        Path pipeFile = dir.resolve("pipes/loop.pipe");
        assertThatThrownBy(() -> PipeParser.parse(pipeFile, "INCLUDE \"../includes/a.incl\"\n"))
                .isInstanceOf(DatafileException.class)
                .hasMessageContaining("b.incl:1:9: include cycle: ")
                .hasMessageContaining("a.incl -> ");
    }

    @Test
    void pipeTokenScopesOtherThanReadAreWarnings() {
        parse("tok", "TOKEN \"writer\" APPEND\nNODE n\nSQL >\n    SELECT 1\n");
        assertThat(warnings).extracting(Warning::toString).containsExactly("pipes/tok.pipe:1: warning: TOKEN scope "
                + "`APPEND` is ignored by Tinybird for a pipe (expected READ)");
    }

    @Test
    void aDescriptionAfterTypeIsAWarning() {
        Node node = parse("late", "NODE n\nSQL >\n    SELECT 1\nTYPE endpoint\nDESCRIPTION meant for the pipe?\n")
                .nodes().get(0);
        assertThat(node.description()).isEqualTo("meant for the pipe?");
        assertThat(warnings).extracting(Warning::toString).containsExactly("pipes/late.pipe:5: warning: DESCRIPTION "
                + "after TYPE describes node n; a pipe's DESCRIPTION goes before the first NODE");
    }

    @Test
    void misplacedNodeInstructionsAreErrors() {
        assertThatThrownBy(() -> parse("a", "NODE n\nSQL >\n    SELECT 1\nDATASOURCE t\n"))
                .hasMessageStartingWith("pipes/a.pipe:4:1: DATASOURCE is only for TYPE materialized nodes");
        assertThatThrownBy(() -> parse("b", "NODE n\nSQL >\n    SELECT 1\nTYPE endpoint\nENGINE MergeTree\n"))
                .hasMessageStartingWith("pipes/b.pipe:5:1: ENGINE in a node that is not TYPE materialized");
        assertThatThrownBy(() -> parse("c", "NODE n\nSQL >\n    SELECT 1\nTYPE copy\nTARGET_DATASOURCE t\nTYPE copy\n"))
                .hasMessageStartingWith("pipes/c.pipe:6:1: TYPE is given twice in one node (first at line 4)");
        assertThatThrownBy(() -> parse("d", "NODE n\nDESCRIPTION no sql\n"))
                .hasMessageStartingWith("pipes/d.pipe:1:1: node n has no SQL");
        assertThatThrownBy(() -> parse("e", "NODE n\nSQL >\n    SELECT 1\nCOPY_MODE append\n"))
                .hasMessageStartingWith("pipes/e.pipe:4:1: COPY_MODE is only for TYPE copy nodes");
        assertThatThrownBy(() -> parse("f", "NODE n\nSQL >\n    SELECT 1\nTYPE materialized\nDATASOURCE `x;drop`\n"))
                .hasMessageStartingWith("pipes/f.pipe:5:12: DATASOURCE `x;drop` is not a valid data source name");
        assertThatThrownBy(() -> parse("g", "NODE n\nSQL SELECT 1\n"))
                .hasMessageStartingWith("pipes/g.pipe:2:5: expected `>` after SQL");
    }
}
