package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The render, plan, check, apply, diff, copy and drop commands on the repository's project. */
@ExtendWith(ClickHouseExtension.class)
class DeployCommandsTest {
    private static final String ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath()
            .toString();


    static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(args);
    }

    @Test
    void renderPrintsTheScriptAndWritesNumberedFiles(@TempDir Path dir) throws IOException {
        MvlabRun all = mvlab("render", "--project", ROOT);
        assertThat(all.code()).isZero();
        assertThat(all.out()).startsWith("-- estore_events: table, from datasources/estore_events.datasource:1\n")
                .contains("CREATE MATERIALIZED VIEW purchases_mv TO purchases\nAS\nWITH\n    purchases_only AS (\n");

        Files.writeString(dir.resolve("99_stale_old.sql"), "old");
        Files.writeString(dir.resolve("notes.txt"), "kept");
        MvlabRun files = mvlab("render", "--project", ROOT, "--out", dir.toString());
        assertThat(files.code()).isZero();
        assertThat(files.out()).isEqualTo("wrote 30 files to " + dir + "\n");
        List<String> names;
        try (Stream<Path> list = Files.list(dir)) {
            names = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(33).contains("01_table_estore_events.sql", "26_mv_purchases_mv.sql",
                "30_copy_sales_daily_history_copy.sql", "notes.txt", "99_stale_old.sql", ".mvlab-render.sha256");

        MvlabRun some = mvlab("render", "--project", ROOT, "purchases_mv", "purchases");
        assertThat(some.out()).startsWith("-- purchases: table").contains("CREATE MATERIALIZED VIEW purchases_mv")
                .doesNotContain("estore_events: table");
        MvlabRun unknown = mvlab("render", "--project", ROOT, "purchase_mv");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no data source or pipe named `purchase_mv` renders SQL\n");
    }

    @Test
    void planShowsOrderAndLineageAsTextOrMermaid() {
        MvlabRun text = mvlab("plan", "--project", ROOT);
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("Apply order (drop runs it backwards):\n"
                        + "   1  table              estore_events ")
                .contains("Lineage (==> writes):\nestore_events\n├── estore_events_dedup_mv [materialized view] "
                        + "==> estore_events_dedup\n");
        MvlabRun mermaid = mvlab("plan", "--project", ROOT, "--format", "mermaid");
        assertThat(mermaid.out()).startsWith("flowchart LR\n    ds_estore_events[(\"estore_events\")]\n")
                .contains("    ds_estore_events --> pipe_purchases_mv\n    pipe_purchases_mv --> ds_purchases\n");
    }

    @Test
    void applyDiffCopyDropThroughTheCommandLine(Endpoint endpoint, Database db) {
        String[] engine = {"--project", ROOT, "--engine", "url", "--url", endpoint.httpUrl()};
        String database = db.name() + "_cli"; // dropped with the class's database

        MvlabRun dry = mvlab(concat(new String[]{"apply", "--dry-run", "-d", database}, engine));
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).startsWith("-- dry run: nothing was run;");

        MvlabRun check = mvlab(concat(new String[]{"check"}, engine));
        assertThat(check.out()).isEqualTo("ok: ClickHouse accepted all 36 statements and pipe nodes (in a throwaway database)\n");
        assertThat(check.code()).isZero();

        assertThat(mvlab(concat(new String[]{"diff", "-d", database}, engine)).code()).isEqualTo(1);
        MvlabRun apply = mvlab(concat(new String[]{"apply", "-d", database}, engine));
        assertThat(apply.code()).isZero();
        assertThat(apply.out()).endsWith("database " + database + ": 29 created, 0 recreated, 0 unchanged\n");
        MvlabRun again = mvlab(concat(new String[]{"apply", "-d", database}, engine));
        assertThat(again.out()).endsWith("database " + database + ": 0 created, 0 recreated, 29 unchanged\n");
        MvlabRun diff = mvlab(concat(new String[]{"diff", "-d", database}, engine));
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).endsWith("database " + database + ": the project's objects match the files\n");

        assertThat(mvlab(concat(new String[]{"sql", "-d", database,
                "CREATE TABLE another_projects_table (a UInt8) ENGINE = Memory"}, engine)).code()).isZero();
        MvlabRun withOther = mvlab(concat(new String[]{"diff", "-d", database}, engine));
        assertThat(withOther.code()).isZero();
        assertThat(withOther.out()).contains("other      table              another_projects_table  (not defined by "
                + "these files)\n").endsWith("the project's objects match the files; 1 other object (not the "
                + "project's: left alone)\n").doesNotContain("mvlab apply");
        assertThat(mvlab(concat(new String[]{"diff", "--strict", "-d", database}, engine)).code()).isEqualTo(1);
        MvlabRun json = mvlab(concat(new String[]{"diff", "-d", database, "--format", "json"}, engine));
        assertThat(json.code()).isZero();
        assertThat(json(json.out()).path("clean").asBoolean()).isTrue();
        assertThat(json(json.out()).path("objects").findValuesAsText("status")).contains("same", "other");
        var applied = json(mvlab(concat(new String[]{"apply", "-d", database, "--format", "json"}, engine)).out());
        assertThat(applied.path("unchanged").asInt()).isEqualTo(29);
        assertThat(json(mvlab(concat(new String[]{"check", "--format", "json"}, engine)).out()).path("ok").asBoolean())
                .isTrue();
        assertThat(json(mvlab("plan", "--project", ROOT, "--format", "json").out()).path("apply_order").get(0)
                .path("name").asText()).isEqualTo("estore_events");
        assertThat(mvlab(concat(new String[]{"sql", "-d", database,
                "INSERT INTO estore_events (action, customer_id, product_id, timestamp) "
                        + "VALUES ('view', 'c1', 'p1', now())"}, engine)).code()).isZero();
        MvlabRun refused = mvlab(concat(new String[]{"drop", "-d", database}, engine));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: drop would delete the data of ").contains("estore_events (1 row)")
                .contains("nothing was dropped").contains("--yes");

        MvlabRun copy = mvlab(concat(new String[]{"copy", "sales_daily_history_copy", "-d", database}, engine));
        assertThat(copy.out()).isEqualTo("copied 0 rows into sales_daily_history (now 0 rows)\n");
        MvlabRun notCopy = mvlab(concat(new String[]{"copy", "purchases_mv", "-d", database}, engine));
        assertThat(notCopy.code()).isEqualTo(2);
        assertThat(notCopy.err()).startsWith("error: `purchases_mv` is not a copy pipe\nhint: copy pipes: "
                + "sales_daily_history_copy\n");

        MvlabRun drop = mvlab(concat(new String[]{"drop", "--yes", "-d", database}, engine));
        assertThat(drop.code()).isZero();
        assertThat(drop.out()).startsWith("dropped    estore_events_dedup_mv ")
                .endsWith("database " + database + ": 29 dropped\n");
        assertThat(mvlab(concat(new String[]{"sql", "-d", database, "EXISTS TABLE another_projects_table"}, engine))
                .out()).contains("1");
    }

    @Test
    void aBrokenProjectFailsWithExitCode3AndTheDatafilePosition(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("datasources"));
        Files.createDirectories(dir.resolve("pipes"));
        Files.writeString(dir.resolve("datasources/events.datasource"), "SCHEMA >\n    a String\n\nENGINE_SORTING_KEY a\n");
        Files.writeString(dir.resolve("pipes/p.pipe"), "NODE n\nSQL >\n    SELECT a FROM evnts\n\nTYPE endpoint\n");
        MvlabRun run = mvlab("render", "--project", dir.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("""
                error: pipes/p.pipe:3:19: node `n` reads `evnts`, which is not a data source, an endpoint pipe or an earlier node of pipe `p`
                   1 | NODE n
                   2 | SQL >
                   3 |     SELECT a FROM evnts
                     |                   ^
                hint: did you mean `events`?
                """);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
