package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvlab pipe data}: an endpoint of the workshop project called from the command line, and its exit codes. */
@ExtendWith(ClickHouseExtension.class)
class PipeCommandTest {
    private static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static Database db;
    static Endpoint endpoint;

    @BeforeAll
    static void apply(Database database, Endpoint engine) {
        db = database;
        endpoint = engine;
        MvlabRun apply = pipe("apply");
        assertThat(apply.code()).as(apply.output()).isZero();
        db.execute("INSERT INTO sales_hourly (product_id, hour, purchases, revenue, customers) SELECT 'product_7', "
                + "toStartOfHour(now()), countState(), sumState(toFloat64(9.99)), uniqState('customer_1') "
                + "FROM numbers(1)");
    }

    private static MvlabRun pipe(String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, args);
        all.addAll(List.of("--project", REPO.toString(), "-d", db.name()));
        return MvlabRun.mvlab(all);
    }

    @Test
    void anEndpointAnswersAsATableAsJsonAndAsCsv() {
        MvlabRun table = pipe("pipe", "data", "top_products", "--param", "hours=48", "--param", "limit=5");
        assertThat(table.code()).as(table.output()).isZero();
        assertThat(table.out()).contains("product_id").contains("product_7").contains("9.99");

        MvlabRun json = pipe("pipe", "data", "top_products", "--format", "json");
        assertThat(json.code()).as(json.output()).isZero();
        assertThat(json.out()).contains("\"meta\"").contains("\"product_id\": \"product_7\"")
                .contains("\"rows\": 1");

        MvlabRun csv = pipe("pipe", "data", "top_products", "--format", "csv", "--param", "product_id=none");
        assertThat(csv.code()).as(csv.output()).isZero();
        assertThat(csv.out().strip()).isEqualTo("\"product_id\",\"purchases\",\"revenue\",\"customers\"");
    }

    @Test
    void aDatabaseThatDoesNotExistIsTheServersErrorAndIsNotCreated() {
        String missing = "pipe_missing_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> all = MvlabRun.onEngine(endpoint, "pipe", "data", "top_products");
        all.addAll(List.of("--project", REPO.toString(), "-d", missing));
        MvlabRun run = MvlabRun.mvlab(all);
        assertThat(run.code()).as(run.output()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: ").contains("UNKNOWN_DATABASE").contains(missing);
        assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name = ?", missing)).isZero();
    }

    @Test
    void aRequestTheApiWouldRefuseIsAUsageError() {
        MvlabRun unknown = pipe("pipe", "data", "no_such_pipe");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("The pipe 'no_such_pipe' does not exist").contains("hint:");

        MvlabRun bad = pipe("pipe", "data", "top_products", "--param", "limit=abc", "--format", "json");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Error validating 'abc' to type Int32");

        MvlabRun noValue = pipe("pipe", "data", "top_products", "--param", "limit");
        assertThat(noValue.code()).isEqualTo(2);
        assertThat(noValue.err()).contains("--param needs name=value");
    }
}
