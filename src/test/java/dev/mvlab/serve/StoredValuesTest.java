package dev.mvlab.serve;

import dev.mvlab.testing.ProjectCopy;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.cli.Main;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 8: a value ClickHouse would store as a default, clamp to its type's range, or read differently from
 * what was checked goes to quarantine with its reason, through the Events API and through {@code mvlab append};
 * the good rows of the same batch are stored with exactly their values. On the real engine, over real HTTP.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredValuesTest {
    /** Rows that must be refused: id, the JSON after the id, the reason's words. */
    private static final List<String[]> BAD = List.of(
            new String[]{"f64-1e400", "\"f64\":1e400", "value '1E+400' on column 'f64' is not Float64"},
            new String[]{"other-1e400", "\"other\":{\"x\":[1,-1e400]}", "number -1E+400 at $.other.x[1] is beyond"},
            new String[]{"i64-30", "\"i64\":123456789012345678901234567890", "on column 'i64' is not Int64"},
            new String[]{"u64-30", "\"u64\":123456789012345678901234567890", "on column 'u64' is not UInt64"},
            new String[]{"other-30", "\"note\":123456789012345678901234567890", "at $.note is beyond"},
            new String[]{"surrogate", "\"other\":{\"t\":\"a\\ud800b\"}", "lone UTF-16 surrogate"},
            new String[]{"info-30", "\"info\":{\"big\":-9223372036854775809}", "at $.info.big is beyond"},
            new String[]{"u64-neg", "\"u64\":-1", "value '-1' on column 'u64' is not UInt64"},
            new String[]{"n-range", "\"n\":2147483648", "on column 'n' is not Int32"},
            new String[]{"n-spaces", "\"n\":\" 5\"", "on column 'n' is not Int32"},
            new String[]{"f32-range", "\"f32\":1e39", "on column 'f32' is not Float32"},
            new String[]{"dec-range", "\"dec\":10000000", "on column 'dec' is not Decimal(9, 2)"},
            new String[]{"dt-epoch", "\"dt\":99999999999999", "on column 'dt' is not DateTime"},
            new String[]{"dt-1900", "\"dt\":\"1900-01-01\"", "on column 'dt' is not DateTime"},
            new String[]{"dt-2106", "\"dt\":\"2106-02-07 06:28:16\"", "on column 'dt' is not DateTime"},
            new String[]{"dt-offset", "\"dt\":\"1970-01-01T00:59:59+01:00\"", "on column 'dt' is not DateTime"},
            new String[]{"dt-fraction", "\"dt\":1700000000.5", "on column 'dt' is not DateTime"},
            new String[]{"dt64-2300", "\"dt64\":\"2300-01-01 00:00:00\"", "on column 'dt64' is not DateTime64(3)"},
            new String[]{"dt64-1899", "\"dt64\":\"1899-12-31 23:59:59\"", "on column 'dt64' is not DateTime64(3)"},
            new String[]{"dt64-ticks", "\"dt64\":10413792000000", "on column 'dt64' is not DateTime64(3)"},
            new String[]{"d-2149", "\"d\":\"2149-06-07\"", "on column 'd' is not Date"},
            new String[]{"d-1969", "\"d\":\"1969-12-31\"", "on column 'd' is not Date"},
            new String[]{"d-time", "\"d\":\"2024-05-01 10:00:00\"", "on column 'd' is not Date"},
            new String[]{"d-number", "\"d\":19000", "on column 'd' is not Date"},
            new String[]{"d32-1899", "\"d32\":\"1899-12-31\"", "on column 'd32' is not Date32"},
            new String[]{"d32-2300", "\"d32\":\"2300-01-01\"", "on column 'd32' is not Date32"},
            new String[]{"e-unknown", "\"e\":\"c\"", "on column 'e' is not Enum8"},
            new String[]{"e-value", "\"e\":3", "on column 'e' is not Enum8"},
            new String[]{"tokyo-1969", "\"tokyo\":\"1970-01-01 08:59:59\"",
                    "on column 'tokyo' is not DateTime('Asia/Tokyo')"},
            new String[]{"uuid-bad", "\"uuid\":\"61f0c404-5cb3-11e7-907b-a6006ad3dbaX\"",
                    "on column 'uuid' is not UUID"},
            new String[]{"ip-bad", "\"ip\":\"1.2.3.256\"", "on column 'ip' is not IPv4"},
            new String[]{"fs-long", "\"fs\":\"abc\"", "on column 'fs' is not FixedString(2)"},
            new String[]{"ip6-bad", "\"ip6\":\"1::2::3\"", "on column 'ip6' is not IPv6"},
            new String[]{"ip6-dots", "\"ip6\":\".:\"", "on column 'ip6' is not IPv6"});

    /** Rows that must be stored: id, the JSON after the id, the expected stored values of the columns checked. */
    private static final List<String[]> GOOD = List.of(
            new String[]{"edges-high", "\"i64\":9223372036854775807,\"u64\":18446744073709551615,"
                    + "\"f64\":1.7976931348623157e308,\"f32\":3.4028235e38,\"dec\":9999999.99,"
                    + "\"dt\":\"2106-02-07 06:28:15\",\"dt64\":\"2299-12-31 23:59:59.999\",\"d\":\"2149-06-06\","
                    + "\"d32\":\"2299-12-31\",\"e\":\"b\"",
                    "9223372036854775807|18446744073709551615|1.7976931348623157e308|3.4028235e38|9999999.99|"
                            + "2106-02-07 06:28:15|2299-12-31 23:59:59.999|2149-06-06|2299-12-31|b|"
                            + "\\N|\\N|\\N|\\N|\\N"},
            new String[]{"edges-low", "\"i64\":-9223372036854775808,\"u64\":0,\"f64\":-1.5,\"dec\":-9999999.99,"
                    + "\"dt\":\"1970-01-01T01:00:00+01:00\",\"dt64\":\"1900-01-01 00:00:00\",\"d\":\"1970-01-01\","
                    + "\"d32\":\"1900-01-01\",\"e\":1",
                    "-9223372036854775808|0|-1.5|\\N|-9999999.99|1970-01-01 00:00:00|1900-01-01 00:00:00.000|"
                            + "1970-01-01|1900-01-01|a|\\N|\\N|\\N|\\N|\\N"},
            new String[]{"epochs", "\"dt\":4294967295,\"dt64\":10413791999999,\"n\":\"-7\",\"f32\":\"2.5\"",
                    "\\N|\\N|\\N|2.5|\\N|2106-02-07 06:28:15|2299-12-31 23:59:59.999|\\N|\\N|\\N|\\N|\\N|\\N|\\N|\\N"},
            new String[]{"others", "\"tokyo\":\"1970-01-01 09:00:00\",\"uuid\":\"61F0C4045CB311E7907BA6006AD3DBA0\","
                    + "\"ip\":\"255.0.0.1\",\"fs\":\"ab\",\"e\":2,\"ip6\":\"2001:db8::1\"",
                    "\\N|\\N|\\N|\\N|\\N|\\N|\\N|\\N|\\N|b|1970-01-01 09:00:00|"
                            + "61f0c404-5cb3-11e7-907b-a6006ad3dba0|255.0.0.1|ab|2001:db8::1"});

    /** The checked columns of a stored row, '|'-separated, {@code \N} for NULL. */
    private static final String COLUMNS = "concat_ws('|', " + String.join(", ", Stream.of("i64", "u64", "f64", "f32",
            "dec", "dt", "dt64", "d", "d32", "e", "tokyo", "uuid", "ip", "fs", "ip6")
            .map(c -> "ifNull(toString(" + c + "), '\\\\N')").toList()) + ")";

    private ServeFixture serve;
    private Database db;

    @BeforeAll
    void start(Database db) {
        this.db = db;
        serve = new ServeFixture(db, ServeFixture.RESOURCES.resolve("values"));
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    private static String body(String prefix) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(BAD.size(), GOOD.size()); i++) {
            if (i < GOOD.size()) {
                lines.add("{\"id\":\"" + prefix + GOOD.get(i)[0] + "\"," + GOOD.get(i)[1] + "}");
            }
            if (i < BAD.size()) {
                lines.add("{\"id\":\"" + prefix + BAD.get(i)[0] + "\"," + BAD.get(i)[1] + "}");
            }
        }
        lines.add("{\"id\":\"" + prefix + "dup\",\"n\":\"abc\",\"n\":5}");
        return String.join("\n", lines) + "\n";
    }

    @Test
    void eventsApiQuarantinesEachValueClickHouseWouldStoreWrongAndStoresTheGoodRows() {
        HttpResponse<String> response = serve.post("/v0/events?name=typed&wait=true", serve.admin(), body("api-"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode json = ServeFixture.json(response);
        assertThat(json.get("successful_rows").asLong()).isEqualTo(GOOD.size());
        assertThat(json.get("quarantined_rows").asLong()).isEqualTo(BAD.size() + 1);
        assertStored("api-");
    }

    @Test
    void appendQuarantinesTheSameRowsAndStoresTheGoodOnes(Endpoint endpoint) throws IOException {
        Path project = ProjectCopy.tree(ServeFixture.RESOURCES.resolve("values"), Files.createTempDirectory("mvlab-values"));
        Path file = project.resolve("typed.ndjson");
        Files.writeString(file, body("file-"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new String[]{"append", "typed",
                file.toString(), "--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl(),
                "-d", db.name()});
        assertThat(code).as(out + "\n" + err).isEqualTo(3);
        assertThat(out.toString()).contains(GOOD.size() + " rows appended to typed, " + (BAD.size() + 1)
                + " quarantined");
        assertStored("file-");
    }

    @Test
    void oneObjectOverSeveralLinesWithAKeyTwiceIsOneQuarantinedRow() {
        HttpResponse<String> response = serve.post("/v0/events?name=typed&wait=true", serve.admin(),
                "{\n  \"id\": \"pretty-dup\",\n  \"n\": 1,\n  \"n\": 2\n}\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode json = ServeFixture.json(response);
        assertThat(json.get("successful_rows").asLong()).isZero();
        assertThat(json.get("quarantined_rows").asLong()).isEqualTo(1);
        assertThat(json.get("error").asText()).contains("line 1: key 'n' appears twice in one object");
        assertThat(db.queryLong("SELECT count() FROM typed WHERE id = 'pretty-dup'")).isZero();
    }

    @Test
    void aPrettyObjectFollowedByMoreIsNotCutToItsFirstObject() {
        HttpResponse<String> response = serve.post("/v0/events?name=typed&wait=true", serve.admin(),
                "{\n  \"id\": \"pretty-1\"\n}\n{\"id\": \"pretty-2\"}\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ServeFixture.json(response).get("quarantined_rows").asLong()).isEqualTo(3);
        assertThat(db.queryLong("SELECT count() FROM typed WHERE id = 'pretty-2'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count() FROM typed_quarantine WHERE arrayStringConcat(c__error) "
                + "LIKE '%pretty-1%'")).isEqualTo(1);
    }

    private void assertStored(String prefix) {
        for (String[] good : GOOD) {
            assertThat(db.query("SELECT " + COLUMNS + " FROM typed WHERE id = ?", prefix + good[0]).rows())
                    .as(good[0]).extracting(r -> r.get(0)).containsExactly(good[2]);
        }
        for (String[] bad : BAD) {
            assertThat(db.queryLong("SELECT count() FROM typed WHERE id = ?", prefix + bad[0])).as(bad[0]).isZero();
            List<List<Object>> quarantined = db.query("SELECT arrayStringConcat(c__error, '; ') FROM "
                    + "typed_quarantine WHERE id = ?", prefix + bad[0]).rows();
            assertThat(quarantined).as(bad[0]).singleElement()
                    .satisfies(r -> assertThat(r.get(0).toString()).contains(bad[2]));
        }
        assertThat(db.queryLong("SELECT count() FROM typed WHERE id = ?", prefix + "dup")).isZero();
        assertThat(db.query("SELECT arrayStringConcat(c__error, '; ') FROM typed_quarantine WHERE "
                + "arrayStringConcat(c__error, '; ') LIKE ?", "%" + prefix + "dup%").rows()).singleElement()
                .satisfies(r -> assertThat(r.get(0).toString()).contains("key 'n' appears twice in one object"));
    }

}
