package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

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


    private static MvlabRun mvlab(String... args) {
        return mvlabWithStdin("", args);
    }

    private static MvlabRun mvlabWithStdin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("sql"));
        all.addAll(List.of(args));
        all.addAll(List.of("--engine", "url", "--url", endpoint.httpUrl(), "--database", database));
        return MvlabRun.withStdin(stdin, all.toArray(String[]::new));
    }

    @Test
    void aStatementWithItsOwnFormatPrintsTheServersTextAsItIs() {
        String query = "SELECT id, name FROM items WHERE id IN (1, 10) ORDER BY id FORMAT ";
        assertThat(mvlab(query + "Vertical").out()).isEqualTo("""
                Row 1:
                ──────
                id:   1
                name: apple

                Row 2:
                ──────
                id:   10
                name: big, "quoted"
                """);
        assertThat(mvlab(query + "CSV").out()).isEqualTo("1,\"apple\"\n10,\"big, \"\"quoted\"\"\"\n");
        assertThat(mvlab(query + "TSVWithNames").out()).isEqualTo("id\tname\n1\tapple\n10\tbig, \"quoted\"\n");
        assertThat(mvlab(query + "JSONEachRow").out()).isEqualTo(
                "{\"id\":1,\"name\":\"apple\"}\n{\"id\":10,\"name\":\"big, \\\"quoted\\\"\"}\n");
        assertThat(mvlab(query + "PrettyCompactMonoBlock").out()).contains("│  1 │ apple         │")
                .contains("│ 10 │ big, \"quoted\" │");
        MvlabRun json = mvlab(query + "JSON;");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"meta\":").contains("\"rows\": 2");
        // FORMAT before SETTINGS, a lower-case keyword, and a statement that is not a SELECT
        assertThat(mvlab("select 1 AS x format CSV SETTINGS max_threads = 1").out()).isEqualTo("1\n");
        assertThat(mvlab("SHOW TABLES LIKE 'item%' FORMAT TSV").out()).isEqualTo("items\n");
        // --format is mvlab's own rendering, for statements without a FORMAT clause
        assertThat(mvlab("SELECT 1 AS x FORMAT TSV", "--format", "json").out()).isEqualTo("1\n");
    }

    @Test
    void formatAsAColumnOrFunctionIsNotAFormatClause() {
        MvlabRun run = mvlab("SELECT format('{}-{}', 'a', 'b') AS format", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("format\na-b\n");
        MvlabRun literal = mvlab("SELECT 'x FORMAT Vertical' AS s", "--format", "tsv");
        assertThat(literal.out()).isEqualTo("s\nx FORMAT Vertical\n");
    }

    @Test
    void aRefusedStatementWithAFormatIsTheServersErrorExit4() {
        MvlabRun run = mvlab("SELECT no_such_column FROM items FORMAT Vertical");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains("Code: 47. DB::Exception:").contains("no_such_column")
                .doesNotContain("RowBinaryWithNameAndTypes").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        MvlabRun unknown = mvlab("SELECT 1 FORMAT NoSuchFormat");
        assertThat(unknown.code()).isEqualTo(4);
        assertThat(unknown.err()).contains("NoSuchFormat");
    }

    @Test
    void tableIsAligned() {
        MvlabRun run = mvlab("SELECT id, name, price FROM items ORDER BY id");
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
        MvlabRun run = mvlab("SELECT id, name, price, tags FROM items WHERE id IN (1, 2) ORDER BY id", "--format", "json");
        assertThat(run.code()).isZero();
        assertThat(run.out().replaceAll("\\s+", "")).isEqualTo(
                "[{\"id\":1,\"name\":\"apple\",\"price\":1.5,\"tags\":[\"fruit\",\"red\"]},"
                        + "{\"id\":2,\"name\":\"tab\\there\",\"price\":null,\"tags\":[]}]");
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        MvlabRun run = mvlab("SELECT id, name FROM items ORDER BY id", "--format", "csv");
        assertThat(run.out()).isEqualTo("id,name\n1,apple\n2,\"tab\there\"\n10,\"big, \"\"quoted\"\"\"\n");
    }

    @Test
    void tsvEscapesTabs() {
        MvlabRun run = mvlab("SELECT id, name, price FROM items ORDER BY id", "--format", "TSV");
        assertThat(run.out()).isEqualTo("id\tname\tprice\n1\tapple\t1.5\n2\ttab\\there\t\\N\n10\tbig, \"quoted\"\t1000000\n");
    }

    @Test
    void statementsWithoutRowsSayOk() {
        MvlabRun run = mvlab("CREATE TABLE IF NOT EXISTS other (a UInt8) ENGINE = Memory");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ok\n");
    }

    @Test
    void aServerErrorIsOneLinePlusTheSqlWithExitCode4() {
        MvlabRun run = mvlab("SELECT nope FROM items");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: Code: 47. DB::Exception: Unknown expression identifier `nope`");
        assertThat(run.err()).contains("\nsql:\n  SELECT nope FROM items\n");
        assertThat(run.err()).doesNotContain("at com.clickhouse").doesNotContain("Exception in thread");
    }

    @Test
    void aBadFormatIsAUsageError() {
        MvlabRun run = mvlab("SELECT 1", "--format", "xml");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format'");
    }

    @Test
    void anUnreachableUrlSaysTheEngineIsUnavailable() {
        MvlabRun run = MvlabRun.mvlab("sql", "SELECT 1", "--engine", "url", "--url", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: ");
        assertThat(run.err()).contains("127.0.0.1:1").contains("hint:");
    }

    @Test
    void aMissingDatabaseIsCreatedAndEveryStatementRunsInIt(Database db) {
        String fresh = "sqlnew_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try {
            MvlabRun run = MvlabRun.mvlab("sql", "CREATE TABLE t (a UInt8) ENGINE = Memory; INSERT INTO t VALUES (5); "
                            + "SELECT a, currentDatabase() AS db FROM t",
                    "--engine", "url", "--url", endpoint.httpUrl(), "--database", fresh);
            assertThat(run.code()).isZero();
            assertThat(run.out()).endsWith("a  db\n-  " + "-".repeat(fresh.length()) + "\n5  " + fresh + "\n(1 row)\n");
            assertThat(db.queryLong("SELECT count() FROM " + fresh + ".t")).isEqualTo(1);
        } finally {
            db.dropDatabase(fresh);
        }
    }

    @Test
    void severalStatementsRunInOrder() {
        MvlabRun run = mvlab("CREATE TABLE IF NOT EXISTS seq (a UInt8) ENGINE = Memory; INSERT INTO seq VALUES (7); "
                + "SELECT sum(a) AS total FROM seq; DROP TABLE seq");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ok\n\nok\n\ntotal\n-----\n    7\n(1 row)\n\nok\n");
    }

    @Test
    void statementsComeFromAFileOrFromStdin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("q.sql");
        java.nio.file.Files.writeString(file, "-- a comment\nSELECT 1 AS one;\nSELECT 'two; with a semicolon' AS two;\n");
        MvlabRun fromFile = mvlab("-f", file.toString(), "--format", "csv");
        assertThat(fromFile.code()).isZero();
        assertThat(fromFile.out()).isEqualTo("one\n1\n\ntwo\n\"two; with a semicolon\"\n");
        MvlabRun fromStdin = mvlabWithStdin("SELECT 3 AS three", "--format", "tsv");
        assertThat(fromStdin.out()).isEqualTo("three\n3\n");
    }

    @Test
    void insertFormatCsvReadsItsDataFromStdin() {
        mvlab("CREATE TABLE csv_in (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        MvlabRun run = mvlabWithStdin("1,apple\n2,\"pear, green\"\n", "INSERT INTO csv_in FORMAT CSV");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ok: 2 rows written\n");
        assertThat(mvlab("SELECT name FROM csv_in ORDER BY id", "--format", "tsv").out())
                .isEqualTo("name\napple\npear, green\n");
        MvlabRun bad = mvlabWithStdin("not,a,number\n", "INSERT INTO csv_in FORMAT CSV");
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.err()).startsWith("error: Code: ");
    }

    @Test
    void jsonHasMapsAsObjectsDateTimesWithoutFractionAndFloatsAsClickHousePrintsThem() {
        MvlabRun run = mvlab("SELECT map('a', 1, 'b', 2) AS m, toDateTime('2024-09-30 23:30:00') AS t, "
                + "toFloat64(799.9) AS f, 0.1 + 0.2 AS g, 1e21 AS big, toFloat32(0.1) AS f32", "--format", "json");
        assertThat(run.code()).isZero();
        assertThat(run.out().replaceAll("\\s+", "")).isEqualTo("[{\"m\":{\"a\":1,\"b\":2},"
                + "\"t\":\"2024-09-3023:30:00\",\"f\":799.9,\"g\":0.30000000000000004,\"big\":1e21,\"f32\":0.1}]");
    }

    @Test
    void floatsReadAsClickHouseWritesThem(Database db) {
        String values = "[0.1, 799.9, 1e15, 1e16, 1e21, 1e22, 0.000001, 1e-7, 123456789.123, -2.5e-10, 1/3, "
                + "5e-324, 1.7976931348623157e308, 100.1 + 699.8, 2e-3, 0.30000000447034836]";
        var result = db.query("SELECT x, toString(x) FROM (SELECT arrayJoin(" + values + ") AS x)");
        assertThat(result.rows()).hasSize(16).allSatisfy(row -> assertThat(FloatText.of((Double) row.get(0)))
                .isEqualTo(row.get(1)));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(mvlab("SELECT 1", "-f", "x.sql").code()).isEqualTo(2);
        assertThat(mvlab(";").code()).isEqualTo(2);
        MvlabRun twice = mvlabWithStdin("x\n", "CREATE TABLE IF NOT EXISTS twice (a String) ENGINE = Memory; "
                + "INSERT INTO twice FORMAT CSV; INSERT INTO twice FORMAT CSV");
        assertThat(twice.code()).isEqualTo(2);
    }
}
