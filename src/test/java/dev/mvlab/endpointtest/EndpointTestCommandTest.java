package dev.mvlab.endpointtest;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** mvlab test on a Forward fixture project: fixtures loaded, passing and failing tests, --update, bad test files. */
@ExtendWith(ClickHouseExtension.class)
class EndpointTestCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/endpointtest/project");

    private static MvlabRun test(Endpoint endpoint, Path project, String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, "test");
        all.addAll(List.of(args));
        all.addAll(List.of("--project", project.toString()));
        return MvlabRun.mvlab(all);
    }

    @Test
    void theProjectsTestsPassOnItsFixturesAndTheDatabaseIsDropped(Endpoint endpoint, Database db,
                                                                   @TempDir Path dir) {
        Path project = ProjectCopy.tree(FIXTURE, dir.resolve("p"));
        MvlabRun run = test(endpoint, project);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.out()).contains("fixtures/sales.ndjson: 5 rows into sales")
                .contains("fixtures/products.csv: 4 rows into products")
                .contains("* category_sales.yaml\n✓ fruit passed\n✓ missing_category passed")
                .contains("✓ all_products passed") // read from the materialized view the fixtures fed
                .contains("4 test(s): 4 passed, 0 failed");
        Matcher database = Pattern.compile("database (mvlab_test_\\w+)").matcher(run.out());
        assertThat(database.find()).isTrue();
        assertThat(db.queryLong("EXISTS DATABASE " + database.group(1))).isZero();
    }

    @Test
    void aFailingTestShowsTheRowsThatDifferAndUpdateRewritesOnlyItsExpectation(Endpoint endpoint,
                                                                                @TempDir Path dir)
            throws IOException {
        Path project = ProjectCopy.tree(FIXTURE, dir.resolve("p"));
        Path file = project.resolve("tests/product_totals.yaml");
        String wrong = Files.readString(file).replace("  parameters: limit=2\n", "  parameters: limit=3\n");
        Files.writeString(file, wrong);

        MvlabRun failed = test(endpoint, project);
        assertThat(failed.code()).as(failed.output()).isEqualTo(1);
        assertThat(failed.out()).contains("✗ top_two failed").contains("expected 2 row(s), got 3")
                .contains("row 3: expected (none)").contains("actual   {\"product\":\"pear\",\"total\":5}")
                .contains("4 test(s): 3 passed, 1 failed");
        assertThat(Files.readString(file)).isEqualTo(wrong); // a run without --update writes nothing

        MvlabRun update = test(endpoint, project, "--update");
        assertThat(update.code()).as(update.output()).isZero();
        assertThat(update.out()).contains("1 expectation(s) updated in 1 file(s)");
        String updated = Files.readString(file);
        String head = wrong.substring(0, wrong.indexOf("- name: top_two"));
        assertThat(updated).startsWith(head); // the tests before it are untouched
        assertThat(updated.substring(head.length())).isEqualTo(wrong.substring(head.length()).replace(
                "{\"product\":\"apple\",\"total\":7}\n",
                "{\"product\":\"apple\",\"total\":7}\n    {\"product\":\"pear\",\"total\":5}\n"));
        assertThat(updated).startsWith("# Totals per product").contains("description: limit=2 keeps the first two");

        MvlabRun again = test(endpoint, project);
        assertThat(again.code()).as(again.output()).isZero();
    }

    @Test
    void aBrokenTestFileIsReportedAtItsLineBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path project = ProjectCopy.tree(FIXTURE, dir.resolve("p"));
        Files.writeString(project.resolve("tests/product_totals.yaml"),
                "- name: a\n  parameters: limit=1\n   expected_result: x\n");
        MvlabRun run = MvlabRun.mvlab("test", "--engine", "url", "--url", "http://127.0.0.1:9",
                "--project", project.toString());
        assertThat(run.code()).as(run.output()).isEqualTo(3);
        assertThat(run.err()).contains("tests/product_totals.yaml:3:").contains("YAML syntax");
        assertThat(run.out()).doesNotContain("Building");
    }

    @Test
    void aTestFileNamedAfterNoEndpointSuggestsTheClosest(@TempDir Path dir) throws IOException {
        Path project = ProjectCopy.tree(FIXTURE, dir.resolve("p"));
        Files.move(project.resolve("tests/product_totals.yaml"), project.resolve("tests/product_total.yaml"));
        MvlabRun run = MvlabRun.mvlab("test", "--project", project.toString());
        assertThat(run.code()).as(run.output()).isEqualTo(3);
        assertThat(run.err()).contains("product_total.yaml:1:1: the test file is named after no endpoint")
                .contains("did you mean product_totals.yaml?");
    }

    @Test
    void theDatabasesOfRunsKilledOutrightAreDroppedAnHourOn(Database db) {
        java.time.Instant now = java.time.Instant.now();
        String old = TestEnvironment.PREFIX + (now.getEpochSecond() - 7200) + "_0badc0de";
        String fresh = TestEnvironment.PREFIX + (now.getEpochSecond() - 60) + "_0badc0de";
        db.createDatabase(old);
        db.createDatabase(fresh);
        try {
            assertThat(TestEnvironment.dropStale(db, now)).contains(old).doesNotContain(fresh);
            assertThat(db.queryLong("EXISTS DATABASE " + old)).isZero();
            assertThat(db.queryLong("EXISTS DATABASE " + fresh)).isOne();
        } finally {
            db.dropDatabase(fresh);
        }
    }

    @Test
    void tbTestsSubcommandsAreAnsweredWithTheMvlabCommand(@TempDir Path dir) {
        Path project = ProjectCopy.tree(FIXTURE, dir.resolve("p"));
        MvlabRun run = MvlabRun.mvlab("test", "update", "--project", project.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("in mvlab this is `mvlab test --update [FILES]`");
    }
}
