package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvlab lesson run N --html} and {@code mvlab report}: the pages they write, read as files. */
@ExtendWith(ClickHouseExtension.class)
class ReportCommandTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static Endpoint endpoint;

    @TempDir
    Path temp;

    @BeforeAll
    static void engine(Endpoint engine) {
        endpoint = engine;
    }

    /** The databases these tests make under fixed names (the lesson's own, the project's) go when the class ends. */
    @AfterAll
    static void dropDatabases(Database db) {
        for (String name : List.of("lesson_00", "report_project_test", "report_project_missing")) {
            db.dropDatabase(name);
        }
    }

    private static MvlabRun mvlab(Path project, String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, args);
        all.addAll(List.of("--project", project.toString()));
        return MvlabRun.mvlab(all);
    }

    private Path lessonZeroOnly() throws IOException {
        Path dir = temp.resolve("project/lessons/00-mv-is-a-trigger");
        Files.createDirectories(dir);
        for (String file : List.of("lesson.yaml", "README.md")) {
            Files.copy(REPO.resolve("lessons/00-mv-is-a-trigger").resolve(file), dir.resolve(file));
        }
        return temp.resolve("project");
    }

    /** A page opens without the network: every library inlined, nothing loaded from an address. */
    private static void selfContained(String html) {
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").contains("mermaid").contains("Chartist")
                .contains("hljs");
    }

    @Test
    void aLessonRunWritesItsPage() throws IOException {
        Path page = temp.resolve("pages/lesson-0.html");
        MvlabRun run = mvlab(lessonZeroOnly(), "lesson", "run", "0", "--html", page.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Page: " + page);
        String html = Files.readString(page);
        selfContained(html);
        assertThat(html).contains("<h1>Lesson 0: A materialized view is an insert trigger</h1>")
                .contains("All 2 verdicts as expected.")
                .contains("<code class=\"language-sql\">CREATE MATERIALIZED VIEW units_by_product_mv TO")
                .contains("data-nodes=\"3\"").contains("<span class=\"badge DRIFT\">DRIFT</span>")
                .contains("only in raw (1)").contains("differing values")
                .contains("<strong>Time:</strong>");
        assertThat(html).containsPattern("<span class=\"time\">\\d+\\.\\d\\d s</span>");
    }

    @Test
    void reportLessonsWritesAPagePerLessonAndAnIndex() throws IOException {
        Path out = temp.resolve("report");
        MvlabRun report = mvlab(lessonZeroOnly(), "report", "--lessons", "--out", out.toString());

        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("all 2 verdicts as expected")
                .contains("Report: " + out.resolve("index.html"));
        assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"lesson-00.html\"")
                .contains("1 of 1 lessons with every verdict as expected.");
        selfContained(Files.readString(out.resolve("lesson-00.html")));
    }

    @Test
    void reportOfAProjectShowsItsLineageSqlAndChecks() throws IOException {
        Path project = temp.resolve("shop");
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("pipes"));
        Files.createDirectories(project.resolve("checks"));
        Files.writeString(project.resolve("datasources/sales.datasource"), """
                SCHEMA >
                    `ts` DateTime,
                    `product` String,
                    `units` UInt32

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "ts"
                """);
        Files.writeString(project.resolve("datasources/units.datasource"), """
                SCHEMA >
                    `product` String,
                    `units` UInt64

                ENGINE "SummingMergeTree"
                ENGINE_SORTING_KEY "product"
                """);
        Files.writeString(project.resolve("pipes/units_mv.pipe"), """
                NODE per_product
                SQL >
                    SELECT product, sum(units) AS units FROM sales GROUP BY product

                TYPE materialized
                DATASOURCE units
                """);
        Files.writeString(project.resolve("checks/units.yaml"), """
                checks:
                  - name: units_per_product
                    mv: SELECT product, sum(units) AS units FROM units GROUP BY product
                    raw: SELECT product, sum(units) AS units FROM sales GROUP BY product
                    keys: product
                """);
        String database = "report_project_test";
        assertThat(mvlab(project, "sql", "CREATE DATABASE IF NOT EXISTS " + database).code()).isZero();
        assertThat(mvlab(project, "apply", "-d", database).code()).isZero();
        assertThat(mvlab(project, "sql", "-d", database, "INSERT INTO sales VALUES (now(), 'apple', 3)").code())
                .isZero();
        Path page = temp.resolve("shop.html");

        MvlabRun report = mvlab(project, "report", "-d", database, "--out", page.toString());

        assertThat(report.code()).as(report.err() + report.out()).isZero();
        assertThat(report.out()).contains("All 1 checks as expected.");
        String html = Files.readString(page);
        selfContained(html);
        assertThat(html).contains("<h1>shop</h1>").contains("data-nodes=\"3\"")
                .contains("units_per_product: <span class=\"badge MATCH\">MATCH</span>")
                .contains("CREATE MATERIALIZED VIEW units_mv TO units").contains("(materialized view)");

        assertThat(mvlab(project, "report", "-d", "report_project_missing", "--out", page.toString()).code())
                .as("a check that cannot run").isEqualTo(1);
        assertThat(Files.readString(page)).contains("could not run");
    }
}
