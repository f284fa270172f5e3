package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.verify.Verdict;
import dev.mvlab.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(ClickHouseExtension.class)
class LessonRunnerTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final Path DEPLOYING = REPO.resolve("src/test/resources/lesson-projects/deploying");

    @TempDir
    Path temp;

    /** Remembers the order of everything the runner tells its listener. */
    static final class Recorder implements LessonListener {
        final List<String> events = new ArrayList<>();
        final List<StepOutput> outputs = new ArrayList<>();

        @Override
        public void lessonStarted(Lesson lesson, String database) {
            events.add("start " + database);
        }

        @Override
        public void stepStarted(int number, int total, Step step) {
            events.add("step " + number + "/" + total + " " + step.kind());
        }

        @Override
        public void output(StepOutput output) {
            outputs.add(output);
            events.add("  " + output.getClass().getSimpleName());
        }

        @Override
        public void awaitContinue(String prompt) {
            events.add("wait");
        }
    }

    private static LessonRunner sqlOnlyRunner() {
        Unavailable none = new Unavailable("no services in this test");
        return new LessonRunner(none, none, new Verifier());
    }

    /** The database the runs create under the default name lesson_00. */
    @AfterAll
    static void dropLessonDatabase(Database server) {
        server.dropDatabase("lesson_00");
    }

    @Test
    void theFirstLessonProvesThePitfallThenTheFix(Database server) {
        Lesson lesson = new LessonCatalog(REPO).get(0);
        Recorder recorder = new Recorder();

        LessonResult result = sqlOnlyRunner().run(lesson, server, RunOptions.DEFAULT, recorder);

        assertThat(result.database()).isEqualTo("lesson_00");
        assertThat(result.asExpected()).isTrue();
        assertThat(result.verdicts()).extracting(LessonVerdict::step, v -> v.result().verdict(),
                        v -> v.result().expected())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, Verdict.DRIFT, Verdict.DRIFT),
                        org.assertj.core.groups.Tuple.tuple(9, Verdict.MATCH, Verdict.MATCH));
        var drift = result.verdicts().get(0).result().comparison();
        assertThat(drift.onlyInRaw()).isEqualTo(1);
        assertThat(drift.onlyInRawExamples().get(0).key()).containsExactly("pear");
        assertThat(drift.differingRows()).isEqualTo(1);

        StepOutcome last = result.steps().get(result.steps().size() - 1);
        StepOutput.Rows rows = (StepOutput.Rows) last.outputs().get(last.outputs().size() - 1);
        assertThat(rows.result().rows()).containsExactly(
                List.of("apple", java.math.BigInteger.valueOf(6), new BigDecimal("3.00")),
                List.of("pear", java.math.BigInteger.valueOf(2), new BigDecimal("1.60")),
                List.of("plum", java.math.BigInteger.valueOf(4), new BigDecimal("4.80")));

        assertThat(recorder.events).startsWith("start lesson_00", "step 1/11 sql", "  Narrative", "  Sql", "  Sql",
                "step 2/11 sql");
        assertThat(recorder.events).containsSubsequence("step 4/11 pause", "  Narrative", "wait", "step 5/11 sql");
        assertThat(recorder.events.stream().filter("wait"::equals)).as("only the pause step waits").hasSize(1);
        try (Database lessonDb = server.use("lesson_00")) {
            assertThat(lessonDb.queryLong("SELECT count() FROM sales")).isEqualTo(5);
        }
    }

    @Test
    void aRunResetsTheLessonDatabase(Database server) {
        server.createDatabase("lesson_00");
        try (Database stale = server.use("lesson_00")) {
            stale.execute("CREATE TABLE leftover (x UInt8) ENGINE = Memory");
        }
        sqlOnlyRunner().run(new LessonCatalog(REPO).get(0), server, RunOptions.DEFAULT, LessonListener.NONE);
        try (Database lessonDb = server.use("lesson_00")) {
            assertThat(lessonDb.queryLong("SELECT count() FROM system.tables WHERE database = 'lesson_00' "
                    + "AND name = 'leftover'")).isZero();
        }
    }

    @Test
    void stepModeWaitsBeforeEveryStepWithItsNarrativeOnScreen(Database server) {
        Recorder recorder = new Recorder();
        sqlOnlyRunner().run(new LessonCatalog(REPO).get(0), server, new RunOptions(null, null, true, null), recorder);
        // one wait before each of the 11 steps; the pause step's own wait is its wait
        assertThat(recorder.events.stream().filter("wait"::equals)).hasSize(11);
        assertThat(recorder.events).startsWith("start lesson_00", "step 1/11 sql", "  Narrative", "wait", "  Sql");
    }

    @Test
    void applyDropAndGenerateStepsCallTheServicesWithTheLessonsDefaultsAndSeeds(Database server) {
        SqlFileDeployer deployer = new SqlFileDeployer(DEPLOYING);
        SqlEventSource events = new SqlEventSource();
        Lesson lesson = new LessonCatalog(DEPLOYING).get(1);

        LessonResult result = new LessonRunner(deployer, events, new Verifier()).run(lesson, server,
                new RunOptions(null, null, false, "lesson_t_deploying"), LessonListener.NONE);

        assertThat(deployer.calls).containsExactly("apply [events, products]", "apply [revenue_by_product]",
                "drop [revenue_by_product]", "apply [revenue_by_product] backfill");
        assertThat(events.calls).containsExactly("products 20 seed 7 {}", "events 500 seed 8 {products=20}",
                "events 300 seed 9 {late=0.1, products=20}", "prices 5 seed 99 {}");
        assertThat(result.verdicts()).extracting(v -> v.result().check().name() + " " + v.result().verdict())
                .containsExactly("revenue_by_product DRIFT", "revenue_by_product MATCH", "events_exist MATCH");
        assertThat(result.asExpected()).isTrue();

        StepOutcome query = result.steps().get(11);
        assertThat(query.outputs().get(0)).isEqualTo(new StepOutput.Sql("SELECT product_id, price FROM products "
                + "FINAL WHERE product_id IN ('late_1', 'it''s', 'product_0') ORDER BY product_id"));
        assertThat(((StepOutput.Rows) query.outputs().get(1)).result().rows()).containsExactly(
                java.util.Arrays.asList("it's", null), List.of("late_1", 1.5), List.of("product_0", 999.0));
        assertThat(result.steps().get(10).outputs()).containsExactly(new StepOutput.Sql(
                "INSERT INTO products (product_id, price, version) VALUES\n('late_1', 1.5, 1),\n('it\\'s', NULL, 1)"));
        assertThat(result.steps().get(1).outputs()).contains(new StepOutput.Info("prices between 1 and 101"));
        server.dropDatabase("lesson_t_deploying");
    }

    @Test
    void eventsAndSeedGivenToTheRunReplaceTheLessonsDefaults(Database server) {
        SqlEventSource events = new SqlEventSource();
        new LessonRunner(new SqlFileDeployer(DEPLOYING), events, new Verifier()).run(
                new LessonCatalog(DEPLOYING).get(1), server, new RunOptions(1000L, 100L, false, "lesson_t_seeds"),
                LessonListener.NONE);
        assertThat(events.calls).containsExactly("products 20 seed 100 {}", "events 1000 seed 101 {products=20}",
                "events 300 seed 102 {late=0.1, products=20}", "prices 5 seed 99 {}");
        server.dropDatabase("lesson_t_seeds");
    }

    @Test
    void aLessonThatNeedsAMissingServiceStopsBeforeTouchingTheDatabase(Database server) {
        server.execute("DROP DATABASE IF EXISTS lesson_t_missing");
        assertThatThrownBy(() -> sqlOnlyRunner().run(new LessonCatalog(DEPLOYING).get(1), server,
                new RunOptions(null, null, false, "lesson_t_missing"), LessonListener.NONE))
                .isInstanceOf(MvlabException.class)
                .hasMessage("this lesson needs no services in this test, which this build of mvlab lacks");
        assertThat(server.queryLong("SELECT count() FROM system.databases WHERE name = 'lesson_t_missing'")).isZero();
    }

    @Test
    void aDatafileTheProjectLacksIsNamedBeforeTheRun() throws IOException {
        Path project = lessonProject("""
                title: t
                summary: s
                datafiles: [events, nowhere]
                steps:
                  - apply: nowhere
                """);
        Lesson lesson = new LessonCatalog(project).get(1);
        assertThatThrownBy(() -> new LessonRunner(new SqlFileDeployer(DEPLOYING), new SqlEventSource(),
                new Verifier()).validate(lesson))
                .hasMessage(lesson.manifest() + ": datafiles the project does not define: nowhere");
    }

    @Test
    void aFailingStatementNamesItsManifestLineAndStepAndKeepsWhatRanBefore(Database server) throws IOException {
        Path project = lessonProject("""
                title: t
                summary: s
                steps:
                  - query: SELECT 1 AS one
                  - sql: |
                      CREATE TABLE t (x UInt8) ENGINE = Memory;

                      SELECT x FROM no_such_table;
                """);
        Recorder recorder = new Recorder();
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> sqlOnlyRunner().run(
                new LessonCatalog(project).get(1), server, new RunOptions(null, null, false, "lesson_t_fail"),
                recorder));

        assertThat(e.getMessage()).startsWith(project.resolve("lessons/01-test/lesson.yaml")
                + ":8:1: step 2 (sql): Code: 60. DB::Exception: Unknown table expression identifier 'no_such_table'");
        assertThat(e.sql()).isEqualTo("SELECT x FROM no_such_table");
        assertThat(e.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertThat(recorder.outputs).hasSize(4);
        try (Database lessonDb = server.use("lesson_t_fail")) {
            assertThat(lessonDb.queryLong("EXISTS TABLE t")).isEqualTo(1);
        }
        server.dropDatabase("lesson_t_fail");
    }

    @Test
    void aStatementTheLessonExpectsToBeRefusedIsShownAsRefused(Database server) throws IOException {
        Path project = lessonProject("""
                title: t
                summary: s
                steps:
                  - sql: SELECT no_such_function(1)
                    expect_error: UNKNOWN_FUNCTION
                  - sql: SELECT 1
                    expect_error: UNKNOWN_FUNCTION
                """);
        Recorder recorder = new Recorder();
        MvlabException e = catchThrowableOfType(MvlabException.class, () -> sqlOnlyRunner().run(
                new LessonCatalog(project).get(1), server, new RunOptions(null, null, false, "lesson_t_refused"),
                recorder));

        assertThat(recorder.outputs.get(1)).isInstanceOf(StepOutput.Refused.class);
        assertThat(((StepOutput.Refused) recorder.outputs.get(1)).message()).contains("no_such_function");
        assertThat(e.exitCode()).isEqualTo(ExitCode.VERDICT);
        assertThat(e.getMessage()).endsWith(":6:1: step 2 (sql): ClickHouse ran the statement, but the lesson "
                + "expects it to be refused with 'UNKNOWN_FUNCTION'");
        server.dropDatabase("lesson_t_refused");
    }

    private Path lessonProject(String manifest) throws IOException {
        Path dir = temp.resolve("lessons/01-test");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("lesson.yaml"), manifest);
        return temp;
    }
}
