package dev.mvlab.cli;

import dev.mvlab.testing.Datafiles;

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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvlab generate} and {@code mvlab generate products} end to end on the test engine, and their errors. */
@ExtendWith(ClickHouseExtension.class)
class GenerateCommandTest {
    private static final String LANDING = Datafiles.LANDING;
    private static final String PRODUCTS = """
            SCHEMA >
                `product_id` String,
                `brand` String,
                `model` String,
                `price` Float64,
                `number_on_hand` UInt32,
                `updated_at` DateTime

            ENGINE "ReplacingMergeTree"
            ENGINE_SORTING_KEY "product_id"
            ENGINE_VER "updated_at"
            """;

    @TempDir
    static Path temp;
    private static Path project;
    private static Path twoLandings;
    private static Endpoint endpoint;
    private static String database;

    @BeforeAll
    static void setUp(Database db, Endpoint url) throws IOException {
        endpoint = url;
        database = db.name();
        project = temp.resolve("shop");
        write(project.resolve("datasources/estore_events.datasource"), LANDING);
        write(project.resolve("datasources/products.datasource"), PRODUCTS);
        twoLandings = temp.resolve("two");
        write(twoLandings.resolve("datasources/estore_events.datasource"), LANDING);
        write(twoLandings.resolve("datasources/clicks.datasource"), LANDING);
        db.execute("CREATE TABLE estore_events (customer_id String, product_id String, price Nullable(Float64), "
                + "action LowCardinality(String), timestamp DateTime) ENGINE = MergeTree ORDER BY (action, timestamp)");
        db.execute("CREATE TABLE products (product_id String, brand String, model String, price Float64, "
                + "number_on_hand UInt32, updated_at DateTime) ENGINE = ReplacingMergeTree(updated_at) ORDER BY product_id");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }


    private static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(args);
    }

    private static MvlabRun generate(Path projectDir, String... args) {
        List<String> all = new ArrayList<>(List.of("generate", "--project", projectDir.toString(), "--engine", "url",
                "--url", endpoint.httpUrl(), "--database", database));
        all.addAll(List.of(args));
        return mvlab(all.toArray(String[]::new));
    }

    @Test
    void eventsGoIntoTheProjectsLandingTableAndTheSummaryIsOneLine(Database db) {
        MvlabRun run = generate(project, "-n", "20000", "--seed", "4", "--batch-size", "5000");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).matches("(?s)note: set non_replicated_deduplication_window = 1000 on estore_events .*\n"
                + database + "\\.estore_events: 20000 events in \\d+\\.\\d s \\(\\d+ events/s\\), \\d+ duplicates, "
                + "\\d+ late, 4 batches, 0 retries; view \\d+ cart \\d+ uncart \\d+ purchase \\d+ return \\d+; seed 4\n");
        assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(20000);
        assertThat(project.resolve(".mvlab/generate/" + database + ".estore_events.json")).exists();
    }

    @Test
    void theNdjsonOnStdoutIsTheSameForTheSameSeed() throws IOException {
        MvlabRun first = mvlab("generate", "--out", "-", "-n", "3000", "--seed", "9");
        MvlabRun second = mvlab("generate", "--out", "-", "-n", "3000", "--seed", "9");
        assertThat(first.code()).isZero();
        assertThat(first.out()).isEqualTo(second.out()).hasLineCount(3000)
                .startsWith("{\"customer_id\":\"customer_");
        assertThat(first.err()).startsWith("stdout: 3000 events in ");
        assertThat(mvlab("generate", "--out", "-", "-n", "3000", "--seed", "10").out()).isNotEqualTo(first.out());
        Path file = temp.resolve("events.ndjson");
        MvlabRun toFile = mvlab("generate", "--out", file.toString(), "-n", "3000", "--seed", "9");
        assertThat(toFile.out()).startsWith(file + ": 3000 events in ");
        assertThat(Files.readString(file)).isEqualTo(first.out());
    }

    @Test
    void helpListsTheOptions() {
        MvlabRun help = mvlab("generate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--resume", "--weights=ACTION=W,...", "e.g. 2% (default 2%)", "products");
        assertThat(mvlab("generate", "products", "--help").out()).contains("--update-prices=N");
        assertThat(mvlab("bench", "ingest", "--help").out()).contains("--rounds");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        for (String[] args : List.of(new String[]{"--rate", "-5"}, new String[]{"--duplicates", "abc"},
                new String[]{"--weights", "view=0"}, new String[]{"--events", "-1"}, new String[]{"--batch-size", "0"},
                new String[]{"--max-lateness", "soon"}, new String[]{"--duplicates", "60%"},
                new String[]{"--customers", "0"}, new String[]{"--nonsense"})) {
            MvlabRun run = generate(project, args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("Exception");
        }
        assertThat(generate(project, "--weights", "view=0").err())
                .contains("the view weight must be above 0: every other action needs an earlier view");
    }

    @Test
    void aMissingLandingTableOrAnUnclearChoiceSaysWhatToDo() {
        MvlabRun missing = generate(twoLandings, "--datasource", "clicks", "-n", "10");
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).isEqualTo("error: the landing table " + database + ".clicks does not exist\n"
                + "hint: create it from clicks.datasource first: mvlab apply (into database " + database + ")\n");
        MvlabRun unclear = generate(twoLandings, "-n", "10");
        assertThat(unclear.code()).isEqualTo(2);
        assertThat(unclear.err()).isEqualTo("error: several landing data sources: clicks, estore_events\n"
                + "hint: choose one with --datasource NAME\n");
        MvlabRun unknown = generate(project, "--datasource", "nope", "-n", "10");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no data source 'nope'").contains("landing data sources here: estore_events");
        MvlabRun notLanding = generate(project, "--datasource", "products", "-n", "10");
        assertThat(notLanding.code()).isEqualTo(3);
        assertThat(notLanding.err()).contains("data source 'products' has no JSONPaths");
        MvlabRun noCheckpoint = generate(twoLandings, "--datasource", "estore_events", "--resume", "-n", "10");
        assertThat(noCheckpoint.code()).isEqualTo(2);
        assertThat(noCheckpoint.err()).contains("nothing to resume: no checkpoint");
    }

    @Test
    void productsAreWrittenAndRepriced(Database db) {
        List<String> base = List.of("generate", "products", "--engine", "url", "--url", endpoint.httpUrl(),
                "--database", database);
        MvlabRun catalog = mvlab(base.toArray(String[]::new));
        assertThat(catalog.code()).as(catalog.err()).isZero();
        assertThat(catalog.out()).isEqualTo(database + ".products: wrote 500 products (updated_at 2024-09-19T00:00)\n");
        List<String> update = new ArrayList<>(base);
        update.addAll(List.of("--update-prices", "3"));
        MvlabRun repriced = mvlab(update.toArray(String[]::new));
        assertThat(repriced.code()).as(repriced.err()).isZero();
        assertThat(repriced.out()).matches("(  product_\\d+: \\d+\\.\\d+ -> \\d+\\.\\d+, \\d+ on hand\n){3}" + database
                + "\\.products: wrote new prices of 3 products \\(updated_at .*\\)\n");
        assertThat(db.queryLong("SELECT count() FROM products")).isEqualTo(503);
    }
}
