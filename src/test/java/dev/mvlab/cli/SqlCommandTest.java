package dev.mvlab.cli;

import dev.mvlab.engine.Database;
import dev.mvlab.engine.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ClickHouseExtension.class)
class SqlCommandTest {
    private static Endpoint endpoint;
    private static String database;

    @BeforeAll
    static void setUp(Database db, Endpoint url) {
        endpoint = url;
        database = db.name();
        db.execute("CREATE TABLE items (id UInt32, name String, price Nullable(Float64), tags Array(String)) "
                + "ENGINE = MergeTree ORDER BY id");
        db.execute("INSERT INTO items VALUES (1, 'apple', 1.5, ['fruit','red']), (2, 'tab\\there', NULL, []), "
                + "(10, 'big, \"quoted\"', 1000000, ['x'])");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run mvlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("sql"));
        all.addAll(java.util.List.of(args));
        all.addAll(java.util.List.of("--engine", "url", "--url", endpoint.httpUrl(), "--database", database));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void tableIsAligned() {
        Run run = mvlab("SELECT id, name, price FROM items ORDER BY id");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("""
                id  name           price
                --  -------------  -------
                 1  apple              1.5
                 2  tab\\there         NULL
                10  big, "quoted"  1000000
                (3 rows)
                """);
    }

    @Test
    void jsonKeepsTypes() {
        Run run = mvlab("SELECT id, name, price, tags FROM items WHERE id IN (1, 2) ORDER BY id", "--format", "json");
        assertThat(run.code()).isZero();
        assertThat(run.out().replaceAll("\\s+", "")).isEqualTo(
                "[{\"id\":1,\"name\":\"apple\",\"price\":1.5,\"tags\":[\"fruit\",\"red\"]},"
                        + "{\"id\":2,\"name\":\"tab\\there\",\"price\":null,\"tags\":[]}]");
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        Run run = mvlab("SELECT id, name FROM items ORDER BY id", "--format", "csv");
        assertThat(run.out()).isEqualTo("id,name\n1,apple\n2,\"tab\there\"\n10,\"big, \"\"quoted\"\"\"\n");
    }

    @Test
    void tsvEscapesTabs() {
        Run run = mvlab("SELECT id, name, price FROM items ORDER BY id", "--format", "TSV");
        assertThat(run.out()).isEqualTo("id\tname\tprice\n1\tapple\t1.5\n2\ttab\\there\t\\N\n10\tbig, \"quoted\"\t1000000\n");
    }

    @Test
    void statementsWithoutRowsSayOk() {
        Run run = mvlab("CREATE TABLE IF NOT EXISTS other (a UInt8) ENGINE = Memory");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ok\n");
    }

    @Test
    void aServerErrorIsOneLinePlusTheSqlWithExitCode4() {
        Run run = mvlab("SELECT nope FROM items");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: Code: 47. DB::Exception: Unknown expression identifier `nope`");
        assertThat(run.err()).contains("\nsql:\n  SELECT nope FROM items\n");
        assertThat(run.err()).doesNotContain("at com.clickhouse").doesNotContain("Exception in thread");
    }

    @Test
    void aBadFormatIsAUsageError() {
        Run run = mvlab("SELECT 1", "--format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format'");
    }

    @Test
    void anUnreachableUrlSaysTheEngineIsUnavailable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "sql", "SELECT 1", "--engine", "url",
                "--url", "http://127.0.0.1:1");
        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).startsWith("error: ");
        assertThat(err.toString()).contains("127.0.0.1:1").contains("hint:");
    }
}
