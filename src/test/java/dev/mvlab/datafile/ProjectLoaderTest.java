package dev.mvlab.datafile;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Project;
import dev.mvlab.model.TableEngine;
import dev.mvlab.model.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectLoaderTest {
    @TempDir
    Path dir;

    private static final String ROLLUP = """
            NODE rollup
            SQL >
                SELECT toStartOfHour(timestamp) AS hour, action, countState() AS events
                FROM events GROUP BY hour, action

            TYPE materialized
            DATASOURCE actions_per_hour
            ENGINE "AggregatingMergeTree"
            ENGINE_SORTING_KEY "hour, action"
            """;

    private TestProject project() {
        return new TestProject(dir).file("datasources/events.datasource", TestProject.EVENTS);
    }

    @Test
    void aTargetDefinedInlineBecomesADataSourceWithoutColumns() {
        Project p = project().file("pipes/rollup.pipe", ROLLUP).load();
        DataSource target = p.datasource("actions_per_hour").orElseThrow();
        assertThat(target.columns()).isEmpty();
        assertThat(target.definedByPipe()).isTrue();
        assertThat(p.datasource("events").orElseThrow().definedByPipe()).isFalse();
        assertThat(target.engine().engine()).isEqualTo(TableEngine.AGGREGATING_MERGE_TREE);
        assertThat(target.location()).hasToString("pipes/rollup.pipe:1:1");
        assertThat(p.datasources()).extracting(DataSource::name).containsExactly("events", "actions_per_hour");
        assertThat(p.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void twoPipesDefiningOneTargetInlineIsAnError() {
        TestProject tp = project().file("pipes/rollup.pipe", ROLLUP).file("pipes/rollup_again.pipe", ROLLUP);
        assertThatThrownBy(tp::load).isInstanceOf(DatafileException.class).hasMessageStartingWith(
                "pipes/rollup_again.pipe:8:1: data source `actions_per_hour` is defined twice: inline in "
                        + "pipes/rollup.pipe:1 and in pipe rollup_again");
    }

    @Test
    void inlineEngineRepeatingTheDatasourceFileIsAWarning() {
        // as in Tinybird's web-analytics starter kit: the pipe restates the .datasource file's engine
        Project p = project().file("pipes/same.pipe", """
                NODE copy_events
                SQL >
                    SELECT * FROM events
                TYPE materialized
                DATASOURCE events
                ENGINE MergeTree
                ENGINE_SORTING_KEY action,timestamp
                """).load();
        assertThat(p.warnings()).extracting(Warning::toString).containsExactly("pipes/same.pipe:6: warning: ENGINE "
                + "lines after DATASOURCE events repeat datasources/events.datasource, which defines the table");
        assertThat(p.datasource("events").orElseThrow().columns()).hasSize(5);
        assertThat(p.datasources()).hasSize(1);
    }

    @Test
    void aNodeNamedLikeADataSourceIsAWarning() {
        Project p = project().file("pipes/p.pipe", "NODE events\nSQL >\n    SELECT 1\n").load();
        assertThat(p.warnings()).extracting(Warning::toString).containsExactly("pipes/p.pipe:1: warning: node "
                + "`events` of pipe p has the name of a data source; queries that name it may read the wrong one");
    }

    @Test
    void aPipeNamedLikeADataSourceIsAnError() {
        TestProject tp = project().file("pipes/events.pipe", "NODE n\nSQL >\n    SELECT 1\n");
        assertThatThrownBy(tp::load).hasMessageStartingWith("pipes/events.pipe:1:1: pipe `events` has the name of "
                + "data source datasources/events.datasource");
    }

    @Test
    void aCopyTargetMustExist() {
        TestProject tp = project().file("pipes/snap.pipe", """
                NODE snap
                SQL >
                    SELECT * FROM events
                TYPE copy
                TARGET_DATASOURCE snapshot
                """);
        assertThatThrownBy(tp::load).hasMessageStartingWith("pipes/snap.pipe:5:19: copy node `snap` writes to data "
                + "source `snapshot`, which does not exist");
    }

    @Test
    void endpointsFolderIsReadToo() {
        Project p = project().file("endpoints/top.pipe", "NODE top\nSQL >\n    SELECT 1\nTYPE endpoint\n").load();
        assertThat(p.pipe("top")).isPresent();
    }

    @Test
    void theFirstErrorOfEachFileIsReportedTogether() {
        TestProject tp = project()
                .file("datasources/broken.datasource", "SCHEMA >\n    `a` Strin(g\n    `a` String\n")
                .file("pipes/broken.pipe", "NODE x\nSQL >\n\nNODE x\n");
        assertThatThrownBy(tp::load).isInstanceOfSatisfying(DatafileException.class, e -> {
            assertThat(e.getMessage()).startsWith("2 datafiles have errors (the first of each is shown)\n\n"
                    + "datasources/broken.datasource:2:14: unbalanced parentheses")
                    .contains("\n\npipes/broken.pipe:2:5: SQL > has an empty body")
                    .contains("hint: close every `(` of a type on the same line");
            assertThat(e.hint()).isNull();
            assertThat(e.location()).hasToString("datasources/broken.datasource:2:14");
        });
    }

    @Test
    void warningsAreSortedByFileAndLine() {
        Project p = project()
                .file("datasources/b.datasource", "SCHEMA >\n    a String\n")
                .file("datasources/a.datasource", "TOKEN t WRITE\nSCHEMA >\n    a String\n").load();
        assertThat(p.warnings()).extracting(w -> w.location().file() + ":" + w.location().line())
                .containsExactly("datasources/a.datasource:1", "datasources/a.datasource:1",
                        "datasources/b.datasource:1");
    }

    @Test
    void aFolderThatIsNotAProjectIsAnError() {
        assertThatThrownBy(() -> ProjectLoader.load(dir)).isInstanceOf(MvlabException.class)
                .hasMessageContaining("has no datafiles in");
        assertThatThrownBy(() -> ProjectLoader.load(dir.resolve("missing"))).isInstanceOf(MvlabException.class)
                .hasMessageStartingWith("project folder not found: ");
    }
}
