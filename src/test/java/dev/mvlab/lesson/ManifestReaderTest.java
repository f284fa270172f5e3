package dev.mvlab.lesson;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.SqlScript;
import dev.mvlab.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManifestReaderTest {
    @TempDir
    Path project;

    private Lesson read(String manifest) throws IOException {
        Path dir = project.resolve("lessons/02-sample");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("lesson.yaml"), manifest);
        return new LessonCatalog(project).get(2);
    }

    /** The first line of the error, with the project folder left out. */
    private String error(String manifest) throws IOException {
        MvlabException e = catchThrowableOfType(MvlabException.class, () -> read(manifest));
        assertThat(e).as("the manifest should be refused").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.DATAFILE);
        return e.getMessage().lines().findFirst().orElseThrow().replace(project + "/", "")
                + (e.hint() == null ? "" : " | " + e.hint());
    }

    @Test
    void readsTheLessonItsDefaultsAndEveryStepKind() throws IOException {
        Files.createDirectories(project.resolve("lessons/02-sample"));
        Files.writeString(project.resolve("lessons/02-sample/README.md"), "# Overview\n");
        Lesson lesson = read("""
                title: Late dimension rows
                summary: |
                  A view that joins a dimension
                  keeps the price it saw.
                datafiles: [events, products]
                generate: {events: 2000, seed: 5}
                checks:
                  - {name: c, mv: SELECT 1 AS k, raw: SELECT 1 AS k, expect: DRIFT}
                steps:
                  - apply: [events, products]
                  - generate_products: 50
                  - generate
                  - drop: products
                  - generate: {events: 10}
                  - update_prices:
                  - sql: SELECT 1; SELECT 2
                  - query: SELECT 3
                  - insert: {into: products, select: "SELECT 'p', 1.0"}
                  - optimize: [a, db.b]
                  - verify: c
                  - verify: [c, c]
                    expect: match
                  - note: Look at this.
                  - pause:
                """.replace("  - generate\n", "  - generate:\n"));

        assertThat(lesson.number()).isEqualTo(2);
        assertThat(lesson.slug()).isEqualTo("sample");
        assertThat(lesson.database()).isEqualTo("lesson_02");
        assertThat(lesson.summary()).isEqualTo("A view that joins a dimension\nkeeps the price it saw.");
        assertThat(lesson.readme()).isEqualTo("# Overview");
        assertThat(lesson.generate()).isEqualTo(new GenerateDefaults(2000, 100, 5));
        assertThat(lesson.steps()).extracting(s -> s.kind().keyword()).containsExactly("apply", "generate_products", "generate",
                "drop", "generate", "update_prices", "sql", "query", "insert", "optimize", "verify", "verify", "note",
                "pause");
        assertThat(lesson.steps().get(6).preview()).containsExactly(new StepOutput.Sql("SELECT 1"),
                new StepOutput.Sql("SELECT 2"));
        assertThat(lesson.steps().get(8).preview()).containsExactly(new StepOutput.Sql(
                "INSERT INTO products\nSELECT 'p', 1.0"));
        assertThat(lesson.steps().get(9).preview()).containsExactly(new StepOutput.Sql("OPTIMIZE TABLE a FINAL"),
                new StepOutput.Sql("OPTIMIZE TABLE db.b FINAL"));
        assertThat(((VerifyStep) lesson.steps().get(10)).expect()).isNull();
        assertThat(lesson.steps().get(10).preview()).containsExactly(new StepOutput.Info("check c, expecting DRIFT"));
        assertThat(((VerifyStep) lesson.steps().get(11)).expect()).isEqualTo(Verdict.MATCH);
        assertThat(lesson.steps().get(1).info().location().line()).isEqualTo(11);
    }

    @Test
    void anUnknownStepKindIsNamedWithTheKinds() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - sql: SELECT 1
                  - run_sql: SELECT 2
                """)).isEqualTo("lessons/02-sample/lesson.yaml:5:5: unknown step kind 'run_sql' | expected one of: "
                + "apply, drop, copy, generate, stream, generate_products, update_prices, sql, query, insert, optimize, verify, "
                + "compare_speed, note, pause, cluster, flush, stop_sends, start_sends");
    }

    @Test
    void aStepWithTwoKindsOrNoneIsRefused() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - sql: SELECT 1
                    query: SELECT 2
                """)).isEqualTo("lessons/02-sample/lesson.yaml:5:5: step 1 has two kinds, 'sql' and 'query' | "
                + "give each its own step");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - say: just words
                """)).startsWith("lessons/02-sample/lesson.yaml:4:5: step 1 has no kind | add one of: apply,");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        assertThat(error("""
                title: t
                steps:
                  - sql: SELECT 1
                """)).isEqualTo("lessons/02-sample/lesson.yaml:1:1: a lesson needs the field 'summary'");
        assertThat(error("""
                title: t
                summary: s
                steps: []
                """)).isEqualTo("lessons/02-sample/lesson.yaml:3:8: 'steps' is a list of at least one step");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - insert: {rows: [{a: 1}]}
                """)).isEqualTo("lessons/02-sample/lesson.yaml:4:13: step 1 (insert) needs the field 'into'");
    }

    @Test
    void anUnknownCheckReferenceNamesTheKnownChecks() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                checks:
                  - {name: totals, mv: SELECT 1 AS k, raw: SELECT 1 AS k}
                steps:
                  - verify: [totals, totlas]
                """)).isEqualTo("lessons/02-sample/lesson.yaml:6:22: step 1 (verify): no check named 'totlas' | "
                + "known checks: totals");
    }

    @Test
    void aFieldThatDoesNotBelongToTheStepKindIsNamed() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - sql: SELECT 1
                    expect: DRIFT
                """)).isEqualTo("lessons/02-sample/lesson.yaml:5:5: unknown field 'expect' in a 'sql' step | "
                + "expected one of: title, say, sql, expect_error, on");
    }

    @Test
    void anApplyNamesOnlyTheLessonsDatafiles() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                datafiles: [events]
                steps:
                  - apply: [events, sales_mv]
                """)).isEqualTo("lessons/02-sample/lesson.yaml:5:21: step 1 (apply): 'sales_mv' is not among the "
                + "lesson's datafiles | declared datafiles: events");
    }

    @Test
    void valuesOfTheWrongShapeAreNamed() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - verify: c
                    expect: maybe
                checks:
                  - {name: c, mv: SELECT 1 AS k, raw: SELECT 1 AS k}
                """)).isEqualTo("lessons/02-sample/lesson.yaml:5:13: 'expect' is MATCH or DRIFT, not 'maybe'");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - generate: {events: many}
                """)).isEqualTo("lessons/02-sample/lesson.yaml:4:24: 'events' must be a whole number, not 'many'");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - query: SELECT 1; SELECT 2
                """)).isEqualTo("lessons/02-sample/lesson.yaml:4:12: step 1 (query): 'query' takes exactly one "
                + "statement, not 2 | use a 'sql' step for several statements");
        assertThat(error("""
                title: t
                summary: s
                lesson: 3
                steps:
                  - note: hi
                """)).startsWith("lessons/02-sample/lesson.yaml:3:1: unknown field 'lesson' in a lesson manifest");
    }

    @Test
    void lessonFoldersAreFoundByNumber() throws IOException {
        read("title: t\nsummary: s\nsteps:\n  - note: hi\n");
        Files.createDirectories(project.resolve("lessons/images"));
        Files.createDirectories(project.resolve("lessons/03-empty"));
        MvlabException noManifest = catchThrowableOfType(MvlabException.class,
                () -> new LessonCatalog(project).get(3));
        assertThat(noManifest.getMessage()).endsWith("lessons/03-empty: no lesson.yaml");
        MvlabException unknown = catchThrowableOfType(MvlabException.class, () -> new LessonCatalog(project).get(7));
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.getMessage()).startsWith("no lesson 7 in ");
        assertThat(unknown.hint()).isEqualTo("lessons: 2, 3 (mvlab lesson list)");
        Files.createDirectories(project.resolve("lessons/2-again"));
        assertThat(catchThrowableOfType(MvlabException.class, () -> new LessonCatalog(project).all()).getMessage())
                .contains("lesson number 2 is also used by");
    }

    @Test
    void theRepositorysLessonsAreValid() {
        List<Lesson> lessons = new LessonCatalog(LessonRunnerTest.REPO).all();
        assertThat(lessons).isNotEmpty();
        assertThat(lessons.get(0).number()).isZero();
    }

    @Test
    void scriptsSplitAtSemicolonsOutsideQuotesAndComments() {
        assertThat(SqlScript.split("""
                -- a comment; with a semicolon
                SELECT 'a;b', "c;d", `e;f`;
                /* block; comment */ SELECT 'it''s; \\'quoted\\'';

                SELECT 3 -- trailing;
                ;
                -- only a comment;
                """)).containsExactly(
                new SqlScript.Statement("-- a comment; with a semicolon\nSELECT 'a;b', \"c;d\", `e;f`", 0),
                new SqlScript.Statement("/* block; comment */ SELECT 'it''s; \\'quoted\\''", 2),
                new SqlScript.Statement("SELECT 3 -- trailing;", 4));
    }

    @Test
    void newStepKindsAndGeneratorOptionsAreCheckedWithTheirLines() throws IOException {
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - generate: {events: 10, lateness: 0.1}
                """)).isEqualTo("lessons/02-sample/lesson.yaml:4:38: step 1 (generate): unknown generator option "
                + "'lateness' | options of 'generate': events, seed, customers, products, duplicates, late, "
                + "max_lateness, start, pace, weights, catalog_seed, batch_size, datasource, show_insert");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - compare_speed: {mv: SELECT 1, raw: "SELECT 1; SELECT 2"}
                """)).startsWith("lessons/02-sample/lesson.yaml:4:").contains("'raw' takes exactly one SELECT, not 2");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - compare_speed: {mv: SELECT 1, raw: SELECT 2, runs: 0}
                """)).contains("'runs' is between 1 and 100");
        assertThat(error("""
                title: t
                summary: s
                datafiles: [a_copy]
                steps:
                  - copy: [a_copy, b_copy]
                """)).contains("'b_copy' is not among the lesson's datafiles");
        assertThat(read("""
                title: t
                summary: s
                steps:
                  - compare_speed: {mv: SELECT 1, raw: SELECT 2, runs: 3}
                """).steps().get(0).preview()).hasSize(3);
    }

    @Test
    void aStreamRunsItsDuringStepsAndRefusesWhatCannotRunMeanwhile() throws IOException {
        Lesson lesson = read("""
                title: t
                summary: s
                steps:
                  - stream: {events: 100, rate: 50, batch_size: 10}
                    during:
                      - title: meanwhile
                        sql: SELECT 1
                      - query: SELECT 2
                """);
        StreamStep stream = (StreamStep) lesson.steps().get(0);
        assertThat(stream.during()).extracting(s -> s.kind().keyword()).containsExactly("sql", "query");
        assertThat(stream.fields().options()).containsEntry("rate", "50").containsEntry("batch_size", "10");
        assertThat(stream.preview()).contains(new StepOutput.Narrative("meanwhile"), new StepOutput.Sql("SELECT 2"));
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - stream: {events: 100}
                """)).isEqualTo("lessons/02-sample/lesson.yaml:4:5: a 'stream' step needs the field 'during'");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - stream: {events: 100}
                    during:
                      - pause: wait
                """)).contains("step 1 (stream): a 'pause' step cannot run during a stream");
        assertThat(error("""
                title: t
                summary: s
                steps:
                  - generate: {events: 10, rate: 5}
                """)).contains("unknown generator option 'rate'");
    }

    private static final String CLUSTER_HEAD = "title: t\nsummary: s\ncluster: {shards: 2, replicas: 2}\n";

    @Test
    void aClusterLessonNamesItsNodesAndItsClusterSteps() throws IOException {
        Lesson lesson = read(CLUSTER_HEAD + """
                checks:
                  - {name: c, mv: SELECT 1 AS k, raw: SELECT 1 AS k}
                steps:
                  - sql: CREATE TABLE t_local (k UInt8) ENGINE = MergeTree ORDER BY k
                    on: all
                  - sql: SELECT 1
                    on: [s2r1, s2r2]
                  - query: SELECT 2
                    on: s1r2
                  - stop_sends: t
                  - start_sends: [t, u]
                    on: s2r1
                  - flush: t
                  - cluster: kill s2r2
                  - cluster: start s2r2
                  - verify: c
                    on: s2r2
                    expect: MATCH
                """);
        assertThat(lesson.cluster()).extracting(LessonClusterShape::shards, LessonClusterShape::replicas)
                .containsExactly(2, 2);
        assertThat(lesson.cluster().nodes()).containsExactly("s1r1", "s1r2", "s2r1", "s2r2");
        assertThat(lesson.steps()).extracting(s -> s.kind().keyword()).containsExactly("sql", "sql", "query",
                "stop_sends", "start_sends", "flush", "cluster", "cluster", "verify");
        assertThat(((SqlStep) lesson.steps().get(0)).on().nodes()).containsExactly("s1r1", "s1r2", "s2r1", "s2r2");
        assertThat(((SqlStep) lesson.steps().get(1)).on().nodes()).containsExactly("s2r1", "s2r2");
        assertThat(((QueryStep) lesson.steps().get(2)).on().nodes()).containsExactly("s1r2");
        assertThat(((DistributedSendsStep) lesson.steps().get(3)).on().nodes()).as("the first node by default")
                .containsExactly("s1r1");
        assertThat(lesson.steps().get(0).preview().get(0))
                .isEqualTo(new StepOutput.Info("on every node (s1r1, s1r2, s2r1, s2r2)"));
        assertThat(lesson.steps().get(4).preview()).containsExactly(new StepOutput.Info("on s2r1"),
                new StepOutput.Sql("SYSTEM START DISTRIBUTED SENDS t"), new StepOutput.Sql("SYSTEM START DISTRIBUTED SENDS u"));
        assertThat(lesson.steps().get(5).preview()).containsExactly(new StepOutput.Info("on s1r1"),
                new StepOutput.Sql("SYSTEM FLUSH DISTRIBUTED t"));
        assertThat((ClusterStep) lesson.steps().get(6)).extracting(ClusterStep::action, ClusterStep::node)
                .containsExactly(ClusterStep.Action.KILL, "s2r2");
        assertThat(((VerifyStep) lesson.steps().get(8)).on().nodes()).containsExactly("s2r2");
    }

    @Test
    void badClusterInputIsRefusedAtItsLineAndColumn() throws IOException {
        String file = "lessons/02-sample/lesson.yaml";
        assertThat(error("title: t\nsummary: s\ncluster: {shards: 0, replicas: 2}\nsteps:\n  - note: n\n"))
                .isEqualTo(file + ":3:19: 'shards' is a whole number from 1 to 12 | write `cluster: {shards: 2, "
                        + "replicas: 2}`");
        assertThat(error("title: t\nsummary: s\ncluster: {shards: 4, replicas: 4}\nsteps:\n  - note: n\n"))
                .startsWith(file + ":3:10: a local cluster has at most 12 nodes, not 4 x 4");
        assertThat(error("title: t\nsummary: s\ncluster: {shards: 2}\nsteps:\n  - note: n\n"))
                .startsWith(file + ":3:10: ").contains("replicas");
        assertThat(error("title: t\nsummary: s\ncluster: 2x2\nsteps:\n  - note: n\n"))
                .startsWith(file + ":3:10: 'cluster' is a map of shards and replicas, not ");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - sql: SELECT 1\n    on: s3r1\n"))
                .isEqualTo(file + ":6:9: step 1 (sql): the lesson's cluster has no node 's3r1' | its nodes: s1r1, "
                        + "s1r2, s2r1, s2r2 (or `all`)");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - query: SELECT 1\n    on: [s1r1, {x: 1}]\n"))
                .startsWith(file + ":6:16: step 1 (query): 'on' takes a node name, a list of them or `all`, not ");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - cluster: restart s1r2\n"))
                .isEqualTo(file + ":5:14: step 1 (cluster): 'cluster' takes `kill NODE` or `start NODE`, not "
                        + "'restart s1r2' | write `cluster: kill NODE` or `cluster: start NODE`, NODE one of s1r1, "
                        + "s1r2, s2r1, s2r2");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - cluster: kill s9r9\n"))
                .startsWith(file + ":5:14: step 1 (cluster): the lesson's cluster has no node 's9r9'");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - flush: t\n    on: s1r1\n    expect: MATCH\n"))
                .startsWith(file + ":7:5: unknown field 'expect' in a 'flush' step");
        assertThat(error(CLUSTER_HEAD + "datafiles: [estore_events]\nsteps:\n  - apply: estore_events\n"))
                .isEqualTo(file + ":6:5: step 1 (apply): a cluster lesson cannot apply yet: apply, drop, copy and "
                        + "the generators reach one server | create the tables with `sql:` steps and `on: all` (each "
                        + "node gets the statement), and write rows with INSERT ... SELECT");
        assertThat(error(CLUSTER_HEAD + "steps:\n  - generate: 10\n"))
                .startsWith(file + ":5:5: step 1 (generate): a cluster lesson cannot generate yet");
    }

    @Test
    void clusterStepsAndOnNeedTheLessonsCluster() throws IOException {
        String file = "lessons/02-sample/lesson.yaml";
        assertThat(error("title: t\nsummary: s\nsteps:\n  - flush: orders\n"))
                .isEqualTo(file + ":4:5: step 1 (flush): a step of a cluster lesson, and this lesson has no 'cluster' "
                        + "| add `cluster: {shards: 2, replicas: 2}` to the manifest: the lesson then runs on mvlab's "
                        + "local cluster");
        assertThat(error("title: t\nsummary: s\nsteps:\n  - cluster: kill s1r2\n"))
                .startsWith(file + ":4:5: step 1 (cluster): a step of a cluster lesson");
        assertThat(error("title: t\nsummary: s\nsteps:\n  - sql: SELECT 1\n    on: s1r2\n"))
                .isEqualTo(file + ":5:9: step 1 (sql): 'on' names nodes of the lesson's cluster, and this lesson has "
                        + "none | add `cluster: {shards: 2, replicas: 2}` to the manifest, or remove 'on'");
    }
}
