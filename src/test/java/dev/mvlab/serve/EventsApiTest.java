package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Events API on the real engine over real HTTP: NDJSON, gzip, timestamps, quarantine, wait, idempotency. */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiTest {
    private ServeFixture serve;
    private Database db;

    @BeforeAll
    void start(Database db) {
        this.db = db;
        serve = new ServeFixture(db, ServeFixture.RESOURCES.resolve("shop"), ServeFixture.tempDir(), 64 * 1024);
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    private long count(String where) {
        return db.queryLong("SELECT count() FROM events WHERE " + where);
    }

    @Test
    void ndjsonWithIsoTimestampsIsStoredAndWaitAnswers200() {
        String body = """
                {"action":"view","customer_id":"iso","product":{"product_id":"p1"},"timestamp":"2024-05-01T10:20:30"}
                {"action":"view","customer_id":"iso","product":{"product_id":"p2"},"timestamp":"2024-05-01T10:20:30.123Z"}
                {"action":"view","customer_id":"iso","product":{"product_id":"p3"},"timestamp":"2024-05-01T12:20:30+02:00"}
                {"action":"view","customer_id":"iso","product":{"product_id":"p4"},"timestamp":"2024-05-01 10:20:30"}
                {"action":"view","customer_id":"iso","product":{"product_id":"p5"},"timestamp":"2024-09-19T16:33:11.123456"}
                """;
        HttpResponse<String> response = serve.post("/v0/events?name=events&wait=true", serve.admin(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = ServeFixture.json(response);
        assertThat(json.get("successful_rows").asLong()).isEqualTo(5);
        assertThat(json.get("quarantined_rows").asLong()).isZero();
        assertThat(db.query("SELECT toString(timestamp), quantity FROM events WHERE customer_id = 'iso' "
                + "ORDER BY product_id").rows()).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                "2024-05-01 10:20:30 1", "2024-05-01 10:20:30 1", "2024-05-01 10:20:30 1", "2024-05-01 10:20:30 1",
                "2024-09-19 16:33:11 1");
    }

    @Test
    void withoutWaitTheAnswerIs202AndTheRowsArriveSoon() throws InterruptedException {
        HttpResponse<String> response = serve.post("/v0/events?name=events", serve.token("tracker"),
                "{\"action\":\"cart\",\"customer_id\":\"nowait\",\"product\":{\"product_id\":\"p1\"},"
                        + "\"timestamp\":\"2024-05-01T10:00:00Z\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        for (int i = 0; i < 100 && count("customer_id = 'nowait'") == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(count("customer_id = 'nowait'")).isEqualTo(1);
    }

    @Test
    void oneJsonObjectOverSeveralLinesIsOneRow() {
        String body = "{\n  \"action\": \"view\",\n  \"customer_id\": \"pretty\",\n  \"product\": {\"product_id\": \"p1\"},"
                + "\n  \"timestamp\": \"2024-05-01T10:00:00\"\n}\n";
        HttpResponse<String> response = serve.post("/v0/events?name=events&wait=true", serve.admin(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(count("customer_id = 'pretty'")).isEqualTo(1);
    }

    @Test
    void gzipBodiesAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 100; i++) {
                gzip.write(("{\"action\":\"view\",\"customer_id\":\"gz\",\"product\":{\"product_id\":\"p" + i
                        + "\"},\"timestamp\":\"2024-05-01T10:00:00\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(serve.service.url() + "/v0/events?name=events&wait=true"))
                .header("Authorization", "Bearer " + serve.admin()).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build();
        HttpResponse<String> response = serve.send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(count("customer_id = 'gz'")).isEqualTo(100);
    }

    @Test
    void identicalPostsAreTwoRows() {
        String event = "{\"action\":\"view\",\"customer_id\":\"twice\",\"product\":{\"product_id\":\"p1\"},"
                + "\"timestamp\":\"2024-05-01T10:00:00\"}";
        assertThat(serve.post("/v0/events?name=events&wait=true", serve.admin(), event).statusCode()).isEqualTo(200);
        assertThat(serve.post("/v0/events?name=events&wait=true", serve.admin(), event).statusCode()).isEqualTo(200);
        assertThat(count("customer_id = 'twice'")).isEqualTo(2);
    }

    @Test
    void retriesWithTheSameIdempotencyKeyAreStoredOnce() {
        String body = "{\"action\":\"view\",\"customer_id\":\"keyed\",\"product\":{\"product_id\":\"p1\"},"
                + "\"timestamp\":\"2024-05-01T10:00:00\"}\n{\"action\":\"view\",\"customer_id\":\"keyed\","
                + "\"product\":{\"product_id\":\"p2\"},\"timestamp\":\"2024-05-01T10:00:00\"}";
        for (int i = 0; i < 3; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(serve.service.url() + "/v0/events?name=events"))
                    .header("Authorization", "Bearer " + serve.admin()).header("Idempotency-Key", "request-42")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = serve.send(request);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(count("customer_id = 'keyed'")).isEqualTo(2);
    }

    @Test
    void badLinesGoToQuarantineWithTheirErrorAndTheValidOnesAreStored() {
        String body = String.join("\n", List.of(
                "{\"action\":\"view\",\"customer_id\":\"mixed\",\"product\":{\"product_id\":\"ok1\"},\"timestamp\":\"2024-05-01T10:00:00\"}",
                "{\"action\":\"purchase\",\"customer_id\":\"mixed\",\"product\":{\"product_id\":\"bad\",\"price\":\"abc\"},\"timestamp\":\"2024-05-01T10:00:00\"}",
                "{\"action\":\"view\",\"customer_id\":\"mixed\",\"product\":{\"product_id\":\"bad2\"},\"timestamp\":\"yesterday\"}",
                "{\"action\":\"view\",\"customer_id\":\"mixed\",\"quantity\":70000,\"product\":{\"product_id\":\"bad3\"},\"timestamp\":\"2024-05-01T10:00:00\"}",
                "{\"action\": \"view\", broken",
                "{\"action\":\"view\",\"customer_id\":\"mixed\",\"product\":{\"product_id\":\"ok2\"},\"timestamp\":\"2024-05-01T10:00:00\"}"));
        HttpResponse<String> response = serve.post("/v0/events?name=events", serve.admin(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode json = ServeFixture.json(response);
        assertThat(json.get("successful_rows").asLong()).isEqualTo(2);
        assertThat(json.get("quarantined_rows").asLong()).isEqualTo(4);
        assertThat(json.get("error").asText()).contains("line 2: value 'abc' on column 'price' is not Float64")
                .contains("line 5: malformed JSON");
        assertThat(count("customer_id = 'mixed'")).isEqualTo(2);
        List<List<Object>> quarantined = db.query("SELECT c__error_column, c__error, product_id, price "
                + "FROM events_quarantine ORDER BY insertion_date, product_id").rows();
        assertThat(quarantined).hasSize(4);
        assertThat(quarantined).anySatisfy(r -> {
            assertThat(r.get(0).toString()).contains("price");
            assertThat(r.get(2)).isEqualTo("bad");
            assertThat(r.get(3)).isEqualTo("abc");
        });
        assertThat(quarantined).anySatisfy(r -> assertThat(r.get(1).toString())
                .contains("line: {\"action\": \"view\", broken"));
    }

    @Test
    void aDataSourceWithoutJsonPathsMapsFieldsByName() {
        HttpResponse<String> response = serve.post("/v0/events?name=notes&wait=true", serve.admin(),
                "{\"id\":1,\"note\":\"hello\",\"at\":\"2024-05-01T10:00:00.250Z\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(db.query("SELECT note, toString(at) FROM notes WHERE id = 1").rows())
                .containsExactly(List.of("hello", "2024-05-01 10:00:00.250"));
    }

    @Test
    void unknownDataSourceBodyOverTheLimitAndBadGzipAreClear4xx() {
        HttpResponse<String> unknown = serve.post("/v0/events?name=nope", serve.admin(), "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ServeFixture.json(unknown).get("error").asText()).contains("nope");

        String big = ("{\"action\":\"view\",\"customer_id\":\"big\",\"product\":{\"product_id\":\"p1\"},"
                + "\"timestamp\":\"2024-05-01T10:00:00\"}\n").repeat(1000);
        HttpResponse<String> tooBig = serve.post("/v0/events?name=events&wait=true", serve.admin(), big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(ServeFixture.json(tooBig).get("error").asText()).contains("limit");
        assertThat(count("customer_id = 'big'")).isZero();

        HttpRequest badGzip = HttpRequest.newBuilder(URI.create(serve.service.url() + "/v0/events?name=events"))
                .header("Authorization", "Bearer " + serve.admin()).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("not gzip")).build();
        assertThat(serve.send(badGzip).statusCode()).isEqualTo(400);
        assertThat(serve.post("/v0/events", serve.admin(), "{}").statusCode()).isEqualTo(400);
    }
}
