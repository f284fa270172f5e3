package dev.mvlab.datafile;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.model.Node;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The datafile rules of Tinybird's reader that mvlab follows, and where they stop. */
class TinybirdAcceptParsingTest {
    @TempDir
    Path dir;

    private TestProject project() {
        return new TestProject(dir).file("datasources/events.datasource", TestProject.EVENTS);
    }

    @Test
    void aLineStartingWithHashIsDroppedFromTheSqlWhereverItIs() {
        Project p = project().file("pipes/p.pipe", """
                NODE n
                SQL >
                    # it's a comment with an unbalanced ( and a quote
                    SELECT action, -- a SQL comment stays
                # at column 1, it does not end the block
                        count() AS c # a trailing hash stays too
                    FROM events
                    GROUP BY action
                """).load();
        Node node = p.pipe("p").orElseThrow().nodes().get(0);
        assertThat(node.sql()).isEqualTo("SELECT action, -- a SQL comment stays\n\n    count() AS c # a trailing hash "
                + "stays too\nFROM events\nGROUP BY action");
        // the first query line is where errors in the SQL are counted from
        assertThat(node.sqlLocation().line()).isEqualTo(4);
        assertThat(p.warnings()).extracting(Warning::toString).containsExactly("pipes/p.pipe:3: warning: `#` comment "
                + "lines in the SQL of node n are dropped before the template runs, as Tinybird does (write SQL "
                + "comments as -- or /* */)");
    }

    @Test
    void aSqlBlockOfOnlyCommentsIsStillEmpty() {
        assertThatThrownBy(() -> project().file("pipes/p.pipe", "NODE n\nSQL >\n    # nothing here\n").load())
                .isInstanceOf(MvlabException.class).hasMessageContaining("pipes/p.pipe:2");
    }

    @Test
    void twoPipesOfOneNameOutsideEndpointsStayAnError() {
        String pipe = "NODE n\nSQL >\n    SELECT 1\n";
        assertThatThrownBy(() -> project().file("pipes/x.pipe", pipe).file("web/pipes/x.pipe", pipe).load())
                .isInstanceOf(MvlabException.class)
                .hasMessageContaining("two pipes are named `x`: pipes/x.pipe and web/pipes/x.pipe");
        Project p = new TestProject(dir.resolve("other")).file("datasources/events.datasource", TestProject.EVENTS)
                .file("pipes/y.pipe", pipe).file("endpoints/y.pipe", "NODE e\nSQL >\n    SELECT 2\n").load();
        assertThat(p.pipes()).singleElement().satisfies(y -> assertThat(y.location().file().toString())
                .isEqualTo("endpoints/y.pipe"));
    }

    @Test
    void aReleaseReadOfSomethingTheProjectLacksIsStillAnError() {
        Project p = project().file("pipes/p.pipe", "NODE n\nSQL >\n    SELECT * FROM v0_0_1.missing\n").load();
        assertThatThrownBy(() -> GraphBuilder.build(p)).isInstanceOf(MvlabException.class)
                .hasMessageContaining("reads `v0_0_1.missing` from another database");
    }

    @Test
    void twoNodesOfOneNameEachReadTheNearestAbove() {
        Project p = project().file("pipes/p.pipe", """
                NODE a
                SQL >
                    SELECT action FROM events

                NODE a
                SQL >
                    SELECT action FROM a WHERE action != ''

                NODE b
                SQL >
                    SELECT count() AS c FROM a
                """).load();
        assertThat(p.warnings()).extracting(Warning::toString).singleElement().asString()
                .startsWith("pipes/p.pipe:5: warning: two nodes are named `a` (first at line 1)");
        String sql = GraphBuilder.build(p).object("p").orElseThrow().query().nodes().stream()
                .map(n -> n.name() + ": " + n.sql()).reduce("", (x, y) -> x + y + "\n");
        assertThat(sql).isEqualTo("a__1: SELECT action FROM events\na: SELECT action FROM a__1 WHERE action != ''\n"
                + "b: SELECT count() AS c FROM a\n");
        Project self = new TestProject(dir.resolve("self")).file("datasources/events.datasource", TestProject.EVENTS)
                .file("pipes/q.pipe", "NODE q\nSQL >\n    SELECT * FROM q\n").load();
        assertThatThrownBy(() -> GraphBuilder.build(self)).isInstanceOf(MvlabException.class)
                .hasMessageContaining("node `q` reads node `q`, which is the node itself");
    }
}
