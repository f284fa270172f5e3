package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClickHouseExtension.class)
class VerifyCommandTest {
    @TempDir
    static Path project;
    static Database db;
    static Endpoint endpoint;

    @BeforeAll
    static void setUp(Database database, Endpoint engine) throws IOException {
        db = database;
        endpoint = engine;
        db.execute("CREATE TABLE sales (product String, units UInt32) ENGINE = MergeTree ORDER BY product");
        db.execute("INSERT INTO sales VALUES ('apple', 3), ('pear', 2)");
        db.execute("CREATE TABLE units_by_product (product String, units UInt64) ENGINE = SummingMergeTree "
                + "ORDER BY product");
        db.execute("CREATE MATERIALIZED VIEW units_mv TO units_by_product AS SELECT product, sum(units) AS units "
                + "FROM sales GROUP BY product");
        db.execute("INSERT INTO sales VALUES ('apple', 1), ('plum', 5)");
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("checks/shop.yaml"), """
                checks:
                  - name: units
                    description: units per product, from the view and from the raw sales
                    mv: SELECT product, sum(units) AS units FROM units_by_product GROUP BY product ORDER BY product
                    raw: SELECT product, sum(units) AS units FROM sales GROUP BY product ORDER BY product
                    keys: [product]
                  - name: plum_only_after_the_view
                    mv: SELECT count() AS n FROM units_by_product WHERE product = 'plum'
                    raw: SELECT toUInt64(1) AS n
                """);
        Files.writeString(project.resolve("expect-drift.yaml"), """
                checks:
                  - name: units_drift
                    mv: SELECT product, sum(units) AS units FROM units_by_product GROUP BY product
                    raw: SELECT product, sum(units) AS units FROM sales GROUP BY product
                    keys: [product]
                    expect: DRIFT
                """);
    }

    private static MvlabRun run(String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, "verify");
        all.addAll(List.of("--project", project.toString(), "--database", db.name()));
        all.addAll(List.of(args));
        return MvlabRun.mvlab(all);
    }

    @Test
    void aDriftThatWasNotExpectedExitsOneAndShowsTheRowsSideBySide() {
        MvlabRun result = run();

        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                check                     verdict  expected  result      mv rows  raw rows
                ------------------------  -------  --------  ----------  -------  --------
                units                     DRIFT    MATCH     UNEXPECTED        2         3
                plum_only_after_the_view  MATCH    MATCH     ok                1         1

                units: DRIFT (expected MATCH, UNEXPECTED)
                  units per product, from the view and from the raw sales
                  rows: mv 2, raw 3; only in mv 0, only in raw 1, differing 1
                  only in raw (1):
                    product  units
                    -------  -----
                    pear         2
                  differing values (1 in 1 row):
                    product  column  mv  raw
                    -------  ------  --  ---
                    apple    units    1    4

                1 of 2 verdicts differ from what was expected.
                """);
    }

    @Test
    void onlyTheNamedCheckRuns() {
        MvlabRun result = run("--check", "plum_only_after_the_view");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("plum_only_after_the_view  MATCH").doesNotContain("units ")
                .endsWith("All 1 verdicts as expected.\n");
    }

    @Test
    void anExpectedDriftExitsZero() {
        MvlabRun result = run(project.resolve("expect-drift.yaml").toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("units_drift  DRIFT    DRIFT     ok")
                .contains("units_drift: DRIFT (expected DRIFT, as expected)");
    }

    @Test
    void aLessonsChecksRunWithLesson() throws IOException {
        Path lesson = project.resolve("lessons/05-units");
        Files.createDirectories(lesson);
        Files.writeString(lesson.resolve("lesson.yaml"), """
                title: t
                summary: s
                checks:
                  - name: plum_in_view
                    mv: SELECT sum(units) AS units FROM units_by_product WHERE product = 'plum'
                    raw: SELECT sum(units) AS units FROM sales WHERE product = 'plum'
                steps:
                  - verify: [plum_in_view, units]
                """);
        MvlabRun result = run("--lesson", "5");
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).startsWith("""
                check                     verdict  expected  result      mv rows  raw rows
                ------------------------  -------  --------  ----------  -------  --------
                units                     DRIFT    MATCH     UNEXPECTED        2         3
                plum_only_after_the_view  MATCH    MATCH     ok                1         1
                plum_in_view              MATCH    MATCH     ok                1         1
                """);
    }

    @Test
    void anUnknownCheckIsAUsageError() {
        MvlabRun result = run("--check", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: no check named 'nope'\n"
                + "hint: known checks: units, plum_only_after_the_view\n");
    }

    @Test
    void aMalformedCheckFileExitsThreeWithItsLine() throws IOException {
        Path bad = project.resolve("bad.yaml");
        Files.writeString(bad, "checks:\n  - name: x\n    mv: SELECT 1\n    raw: SELECT 1\n    expected: DRIFT\n");
        MvlabRun result = run(bad.toString());
        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: " + bad + ":5:5: unknown field 'expected' in a check\n");
    }
}
