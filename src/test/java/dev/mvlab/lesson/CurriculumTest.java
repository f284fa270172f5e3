package dev.mvlab.lesson;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Verdict;
import dev.mvlab.verify.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every lesson of {@code lessons/} end to end on the real engine, with the real deployer and generator and the
 * lessons' fixed seeds, as {@code mvlab lesson run N} does, and asserts that every verdict is the one the lesson
 * expects (the lessons on mvlab's local cluster: {@code cli.ClusterLessonsTest}). Only lesson 3's big stream, which feeds nothing but the speed comparison, is cut to {@link #EVENTS}
 * events (it takes its size from the run's default, like {@code --events}).
 */
@ExtendWith(ClickHouseExtension.class)
class CurriculumTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final long EVENTS = 20_000;
    static Database server;

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void engine(Database db) {
        server = db;
    }

    /** The lessons on one server; those with {@code cluster:} run in {@code cli.ClusterLessonsTest}. */
    static Stream<Lesson> lessons() {
        return new LessonCatalog(REPO).all().stream().filter(lesson -> lesson.cluster() == null);
    }

    static LessonResult run(Lesson lesson) {
        Project project = ProjectLoader.load(REPO);
        LessonRunner runner = new LessonRunner(new ProjectDeployer(project, new SqlRenderer(new SqlTemplates(null))),
                new GeneratorEventSource(project, checkpoints), new Verifier());
        String database = server.name() + "_" + lesson.database();
        return runner.run(lesson, server, new RunOptions(lesson.number() == 3 ? EVENTS : null, null, false,
                database), LessonListener.NONE);
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void everyVerdictIsTheExpectedOne(Lesson lesson) {
        LessonResult result = run(lesson);
        assertThat(result.verdicts()).as("lesson %d verifies something", lesson.number()).isNotEmpty();
        assertThat(result.unexpected()).as("unexpected verdicts of lesson %d", lesson.number()).isEmpty();
        List<String> kinds = result.verdicts().stream().map(v -> v.result().verdict().name()).distinct().toList();
        if (lesson.number() >= 2) {
            assertThat(kinds).as("lesson %d proves a pitfall and its fix", lesson.number())
                    .contains(Verdict.MATCH.name(), Verdict.DRIFT.name());
        }
        try (Database db = server.use(result.database())) {
            quotedValues(lesson.number(), db, result);
        }
    }

    /** Numbers the lessons' narratives quote, as the run really produced them. */
    private static void quotedValues(int number, Database db, LessonResult result) {
        switch (number) {
            case 1 -> assertThat(db.query("SELECT count() FROM system.parts WHERE database = ? AND table = "
                    + "'estore_events' AND active", db.name()).scalar()).asString().isEqualTo("2");
            case 2 -> assertThat(rows(db, "SELECT toString(toDate(timestamp)) AS day, count() FROM purchases "
                    + "GROUP BY day ORDER BY day")).hasSize(5);
            case 4 -> {
                CheckResult naive = result.verdicts().get(result.verdicts().size() - 1).result();
                assertThat(naive.check().name()).isEqualTo("per_hour_naive");
                assertThat(naive.verdict()).isEqualTo(Verdict.DRIFT);
            }
            case 7 -> {
                StepOutput.Rows quoted = result.steps().get(4).outputs().stream()
                        .filter(StepOutput.Rows.class::isInstance).map(StepOutput.Rows.class::cast).findFirst()
                        .orElseThrow();
                assertThat(quoted.result().rows().get(0).subList(0, 2)).extracting(Object::toString)
                        .containsExactly("550", "350");
            }
            case 8 -> assertThat(db.queryLong("SELECT count() FROM sales_daily_history")).isEqualTo(
                    db.queryLong("SELECT count() FROM (SELECT DISTINCT toDate(timestamp), product_id FROM "
                            + "estore_events WHERE action = 'purchase')"));
            default -> {
            }
        }
    }

    private static List<List<Object>> rows(Database db, String sql) {
        QueryResult result = db.query(sql);
        return result.rows();
    }
}
