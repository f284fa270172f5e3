package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClickHouseExtension.class)
class LessonCommandTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final Path GOLDEN = REPO.resolve("src/test/resources/golden/lesson-run-00.txt");
    static Endpoint endpoint;

    @TempDir
    Path temp;

    @BeforeAll
    static void engine(Endpoint engine) {
        endpoint = engine;
    }

    /** The lesson databases the runs create under their default names. */
    @AfterAll
    static void dropLessonDatabases(Database server) {
        server.dropDatabase("lesson_00");
        server.dropDatabase("lesson_07");
        server.dropDatabase("lesson_08");
    }

    private static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(args);
    }

    private static MvlabRun run(Path project, String... args) {
        List<String> all = new ArrayList<>(List.of("lesson", "run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--engine", "url", "--url", endpoint.httpUrl(), "--project", project.toString()));
        return mvlab(all.toArray(String[]::new));
    }

    private Path copyOfLessonZero(String from, String to) throws IOException {
        Path dir = temp.resolve("lessons/00-mv-is-a-trigger");
        Files.createDirectories(dir);
        String manifest = Files.readString(REPO.resolve("lessons/00-mv-is-a-trigger/lesson.yaml"));
        assertThat(manifest).contains(from);
        Files.writeString(dir.resolve("lesson.yaml"), manifest.replace(from, to));
        return temp;
    }

    @Test
    void listShowsNumberTitleAndSummary() throws IOException {
        MvlabRun result = mvlab("lesson", "list", "--project", REPO.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("  0  A materialized view is an insert trigger              A materialized "
                + "view sees only rows inserted after it exists; the rows its source already holds need a backfill.\n"
                + "  1  The landing data source and the event stream          JSON events land");
        assertThat(result.out().lines()).hasSize(15);

        Files.createDirectories(temp.resolve("lessons/12-late-rows"));
        Files.writeString(temp.resolve("lessons/12-late-rows/lesson.yaml"),
                "title: Late rows\nsummary: |\n  First line.\n  Second line.\nsteps:\n  - note: hi\n");
        Files.createDirectories(temp.resolve("lessons/03-joins"));
        Files.writeString(temp.resolve("lessons/03-joins/lesson.yaml"),
                "title: Joins in a view\nsummary: One line.\nsteps:\n  - note: hi\n");
        assertThat(mvlab("lesson", "list", "--project", temp.toString()).out()).isEqualTo("""
                  3  Joins in a view  One line.
                 12  Late rows        First line.
                """);
    }

    @Test
    void runPrintsEveryStepAsItGoesThenTheSummary() throws IOException {
        MvlabRun run = run(ProjectCopy.of(REPO, temp), "0");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\n11 steps in \\d+\\.\\d s\\.\n");
        String out = run.out().replaceAll("\n11 steps in \\d+\\.\\d s\\.\n", "\n11 steps in (time) s.\n");
        if (Boolean.getBoolean("mvlab.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, out);
        }
        assertThat(out).isEqualTo(Files.readString(GOLDEN));
        assertThat(out).contains("[7/11] The view drifted from the raw data (verify)")
                .contains("units_per_product: DRIFT (expected DRIFT, as expected)")
                .endsWith("All 2 verdicts as expected.\n11 steps in (time) s.\nExplore: mvlab sql -d lesson_00 "
                        + "\"SHOW TABLES\"\n");
    }

    @Test
    void aSpeedComparisonMeasuresOnlyOnceTheMergesOfTheRowsJustInsertedHaveEnded() throws IOException {
        Path dir = temp.resolve("lessons/08-speed");
        Files.createDirectories(dir);
        // twelve inserts: twelve parts that the engine starts merging right away, while the comparison begins
        StringBuilder inserts = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            inserts.append("      INSERT INTO raw SELECT number % 10, number FROM numbers(").append(i * 20000)
                    .append(", 20000);\n");
        }
        Files.writeString(dir.resolve("lesson.yaml"), "title: Speed\n"
                + "summary: A comparison after many parts.\n"
                + "steps:\n"
                + "  - title: Rows\n"
                + "    sql: |\n"
                + "      CREATE TABLE raw (k UInt8, v UInt64) ENGINE = MergeTree ORDER BY k;\n"
                + inserts
                + "  - title: Compare\n"
                + "    compare_speed: {mv: \"SELECT k, sum(v) FROM raw GROUP BY k\", "
                + "raw: \"SELECT k, sum(v) FROM raw GROUP BY k\", runs: 3}\n");

        MvlabRun run = run(temp, "8");

        assertThat(run.code()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).containsPattern("measured with no background merge running \\(waited \\d+\\.\\d s for them\\)")
                .contains("the view answered");
        try (Database db = Database.connect(endpoint, "lesson_08")) {
            assertThat(db.queryLong("SELECT count() FROM raw")).isEqualTo(240_000);
        }
    }

    @Test
    void aLessonWhoseExpectationIsWrongExitsOne() throws IOException {
        Path project = copyOfLessonZero("    verify: units_per_product\n    expect: DRIFT\n",
                "    verify: units_per_product\n    expect: MATCH\n");

        MvlabRun result = run(project, "0");

        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("units_per_product: DRIFT (expected MATCH, UNEXPECTED)")
                .contains("     7  units_per_product  MATCH     DRIFT    UNEXPECTED\n")
                .contains("     9  units_per_product  MATCH     MATCH    ok\n")
                .contains("1 of 2 verdicts differ from what the lesson expects.");
    }

    @Test
    void aBrokenManifestExitsThreeWithItsLine() throws IOException {
        Path project = copyOfLessonZero("  - pause: |", "  - wait: |");

        MvlabRun result = run(project, "0");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: " + project.resolve("lessons/00-mv-is-a-trigger/lesson.yaml")
                + ":65:5: unknown step kind 'wait'\n  65 |   - wait: |\n     |     ^\nhint: expected one of: apply,");
    }

    @Test
    void aLessonRunsItsApplyAndInsertStepsOnTheRealServicesAndQuotesTheNumbers() {
        MvlabRun result = run(ProjectCopy.of(REPO, temp), "7");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("CREATE MATERIALIZED VIEW stock_by_brand_mv TO stock_by_brand")
                .containsPattern("acme_in_the_view +acme_in_products_final +acme_rows_stored\n.*\n +550 +350 +3\n")
                .contains("Acme   units_on_hand  550  350")
                .containsPattern("All 4 verdicts as expected.\n14 steps in \\d+\\.\\d s\\.\nExplore: mvlab sql -d "
                        + "lesson_07 \"SHOW TABLES\"\n$");
    }

    @Test
    void anUnknownLessonNumberIsAUsageError() {
        MvlabRun result = run(REPO, "99");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: no lesson 99 in ").contains("hint: lessons: 0");
    }

    @Test
    void showPrintsTheOverviewAndEveryStepWithoutRunning() {
        MvlabRun result = mvlab("lesson", "show", "0", "--project", REPO.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Lesson 0: A materialized view is an insert trigger\n")
                .contains("\nLesson 0: a materialized view is an insert trigger\n")
                .contains("[7/11] The view drifted from the raw data (verify)\n")
                .contains("  check units_per_product, expecting DRIFT\n")
                .contains("  sql> OPTIMIZE TABLE units_by_product FINAL\n")
                .doesNotContain("row_count\n");
    }

    /** A real pseudo-terminal (util-linux 'script'): verdicts are coloured there, and not with NO_COLOR. */
    @Test
    void underAPseudoTerminalVerdictsAreColouredUnlessNoColor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "needs util-linux 'script'");
        String command = "java -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
                + " lesson run 0 --engine url --url " + endpoint.httpUrl() + " --project '" + REPO + "'";
        String coloured = underPty(command, Map.of());
        assertThat(coloured).contains("units_per_product: \u001B[31mDRIFT\u001B[0m (expected \u001B[31mDRIFT\u001B[0m")
                .contains("\u001B[32mMATCH\u001B[0m").contains("All 2 verdicts as expected.");
        String plain = underPty(command, Map.of("NO_COLOR", "1"));
        assertThat(plain).contains("units_per_product: DRIFT (expected DRIFT, as expected)").doesNotContain("\u001B[");
    }

    private static String underPty(String command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.replace("\r\n", "\n");
    }
}
