package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pipe endpoints, the SQL API, tokens and listings on the real engine over real HTTP. */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiTest {
    private ServeFixture serve;

    @BeforeAll
    void start(Database db) {
        serve = new ServeFixture(db, ServeFixture.RESOURCES.resolve("shop"));
        String events = String.join("\n", List.of(
                event("view", "c1", "p1", null), event("purchase", "c1", "p1", "10"),
                event("purchase", "c2", "p2", "20"), event("purchase", "c2", "p1", "5"),
                event("purchase", "c3", "p3", "7")));
        HttpResponse<String> response = serve.post("/v0/events?name=events&wait=true", serve.admin(), events);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String event(String action, String customer, String product, String price) {
        return "{\"action\":\"" + action + "\",\"customer_id\":\"" + customer + "\",\"product\":{\"product_id\":\""
                + product + "\"" + (price == null ? "" : ",\"price\":" + price) + "},\"timestamp\":\"2024-05-01T10:00:00Z\"}";
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    private static String q(String sql) {
        return URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    @Test
    void anEndpointAnswersInTinybirdsJsonShape() {
        HttpResponse<String> response = serve.get("/v0/pipes/actions.json", serve.token("dashboard"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = ServeFixture.json(response);
        assertThat(json.get("meta").get(0).get("name").asText()).isEqualTo("action");
        assertThat(json.get("rows").asInt()).isEqualTo(2);
        assertThat(json.get("data").get(0).get("action").asText()).isEqualTo("purchase");
        assertThat(json.get("data").get(0).get("events").isNumber()).isTrue();
        assertThat(json.get("data").get(0).get("events").asLong()).isEqualTo(4);
        assertThat(json.get("statistics").has("elapsed")).isTrue();
        assertThat(json.get("statistics").get("rows_read").asLong()).isPositive();
        assertThat(json.get("statistics").has("bytes_read")).isTrue();
    }

    @Test
    void parametersReachTheTemplateAndBadOnesAre400() {
        JsonNode all = ServeFixture.json(serve.get("/v0/pipes/customers.json", serve.admin()));
        assertThat(all.get("rows").asInt()).isEqualTo(3);
        assertThat(all.has("rows_before_limit_at_least")).isTrue();
        JsonNode one = ServeFixture.json(serve.get("/v0/pipes/customers.json?customer=c2", serve.admin()));
        assertThat(one.get("data").toString()).isEqualTo("[{\"customer_id\":\"c2\",\"purchases\":2}]");
        JsonNode limited = ServeFixture.json(serve.get("/v0/pipes/customers.json?limit=1", serve.admin()));
        assertThat(limited.get("rows").asInt()).isEqualTo(1);

        HttpResponse<String> bad = serve.get("/v0/pipes/customers.json?limit=abc", serve.admin());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServeFixture.json(bad).get("error").asText()).contains("abc");

        HttpResponse<String> injection = serve.get("/v0/pipes/customers.json?customer=" + q("c1' OR 1=1 --"),
                serve.admin());
        assertThat(injection.statusCode()).as(injection.body()).isEqualTo(200);
        assertThat(ServeFixture.json(injection).get("rows").asInt()).isZero();

        HttpResponse<String> post = serve.send(HttpRequest.newBuilder(URI.create(serve.service.url()
                        + "/v0/pipes/customers.json")).header("Authorization", "Bearer " + serve.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customer\": \"c1\"}")).build());
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(ServeFixture.json(post).get("data").get(0).get("customer_id").asText()).isEqualTo("c1");
    }

    @Test
    void otherFormatsAndQOnAPipe() {
        HttpResponse<String> csv = serve.get("/v0/pipes/actions.csv", serve.admin());
        assertThat(csv.body().lines().toList()).containsExactly("\"action\",\"events\",\"revenue\"",
                "\"purchase\",4,42", "\"view\",1,\\N");
        HttpResponse<String> ndjson = serve.get("/v0/pipes/actions.ndjson", serve.admin());
        assertThat(ndjson.body().lines().toList()).hasSize(2).first().asString().startsWith("{\"action\":\"purchase\"");
        HttpResponse<byte[]> parquet = sendBytes("/v0/pipes/actions.parquet");
        assertThat(new String(parquet.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");

        HttpResponse<String> onTop = serve.get("/v0/pipes/actions.json?q=" + q("SELECT sum(events) AS total FROM _"),
                serve.admin());
        assertThat(onTop.statusCode()).as(onTop.body()).isEqualTo(200);
        assertThat(ServeFixture.json(onTop).get("data").get(0).get("total").asLong()).isEqualTo(5);
    }

    private HttpResponse<byte[]> sendBytes(String path) {
        try {
            return serve.client.send(HttpRequest.newBuilder(URI.create(serve.service.url() + path))
                    .header("Authorization", "Bearer " + serve.admin()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void errorsHaveTinybirdsShapeAndStatus() {
        HttpResponse<String> unknown = serve.get("/v0/pipes/nope.json", serve.admin());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ServeFixture.json(unknown).get("error").asText()).contains("nope");

        HttpResponse<String> clickhouse = serve.get("/v0/sql?q=" + q("SELECT no_such_column FROM events"),
                serve.admin());
        assertThat(clickhouse.statusCode()).isEqualTo(400);
        String message = ServeFixture.json(clickhouse).get("error").asText();
        assertThat(message).contains("no_such_column").doesNotContain("\n").doesNotContain("Stack trace");

        HttpResponse<String> badFormat = serve.get("/v0/pipes/actions.xml", serve.admin());
        assertThat(badFormat.statusCode()).isEqualTo(400);
    }

    @Test
    void theSqlApiRunsSelectsOnly() {
        HttpResponse<String> select = serve.get("/v0/sql?q=" + q("SELECT count() AS n FROM events"), serve.admin());
        assertThat(select.statusCode()).isEqualTo(200);
        assertThat(ServeFixture.json(select).get("data").get(0).get("n").asLong()).isEqualTo(5);

        HttpResponse<String> post = serve.send(HttpRequest.newBuilder(URI.create(serve.service.url() + "/v0/sql"))
                .header("Authorization", "Bearer " + serve.admin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + q("SELECT 1 AS one"))).build());
        assertThat(ServeFixture.json(post).get("data").get(0).get("one").asInt()).isEqualTo(1);

        for (String statement : List.of("DROP TABLE events", "INSERT INTO events (action) VALUES ('x')",
                "ALTER TABLE events DELETE WHERE 1", "TRUNCATE TABLE events")) {
            HttpResponse<String> refused = serve.get("/v0/sql?q=" + q(statement), serve.admin());
            assertThat(refused.statusCode()).as(statement).isEqualTo(403);
        }
        HttpResponse<String> sneaky = serve.get("/v0/sql?q=" + q("SELECT * FROM events; DROP TABLE events"),
                serve.admin());
        assertThat(sneaky.statusCode()).isBetween(400, 403);
        assertThat(ServeFixture.json(serve.get("/v0/sql?q=" + q("SELECT count() AS n FROM events"), serve.admin()))
                .get("data").get(0).get("n").asLong()).isEqualTo(5);
    }

    @Test
    void tokensHaveExactlyTheirScopes() {
        assertThat(serve.get("/v0/pipes/actions.json", null).statusCode()).isEqualTo(401);
        assertThat(serve.get("/v0/pipes/actions.json", "p.wrong").statusCode()).isEqualTo(401);
        assertThat(serve.get("/v0/pipes/actions.json?token=" + serve.token("dashboard"), null).statusCode())
                .isEqualTo(200);
        // READ on its pipe only; no appends; APPEND on its data source only; no reads
        assertThat(serve.get("/v0/pipes/customers.json", serve.token("dashboard")).statusCode()).isEqualTo(403);
        assertThat(serve.post("/v0/events?name=events", serve.token("dashboard"), "{}").statusCode()).isEqualTo(403);
        assertThat(serve.post("/v0/events?name=notes", serve.token("tracker"), "{}").statusCode()).isEqualTo(403);
        assertThat(serve.get("/v0/pipes/actions.json", serve.token("tracker")).statusCode()).isEqualTo(403);
        assertThat(serve.get("/v0/sql?q=" + q("SELECT 1 FROM events"), serve.token("tracker")).statusCode())
                .isEqualTo(403);
        assertThat(serve.get("/v0/tokens", serve.token("dashboard")).statusCode()).isEqualTo(403);

        JsonNode listed = ServeFixture.json(serve.get("/v0/tokens", serve.admin()));
        List<String> scopes = new ArrayList<>();
        listed.get("tokens").forEach(t -> t.get("scopes").forEach(s -> scopes.add(t.get("name").asText() + " "
                + s.get("type").asText() + (s.has("resource") ? " " + s.get("resource").asText() : ""))));
        assertThat(scopes).containsExactlyInAnyOrder("admin token ADMIN", "tracker DATASOURCES:APPEND events",
                "dashboard PIPES:READ actions");

        JsonNode local = ServeFixture.json(serve.get("/tokens", null));
        assertThat(local.get("admin_token").asText()).isEqualTo(serve.admin());
    }

    @Test
    void tokenValuesStayTheSameAcrossRestarts(Database db) throws java.io.IOException {
        // a second serve reading the same tokens.json (the running one keeps its state folder locked: a copy of it)
        java.nio.file.Path restarted = ServeFixture.tempDir();
        java.nio.file.Files.copy(serve.stateDir.resolve("tokens.json"), restarted.resolve("tokens.json"));
        try (ServeFixture again = new ServeFixture(db, ServeFixture.RESOURCES.resolve("shop"), restarted)) {
            assertThat(again.admin()).isEqualTo(serve.admin());
            assertThat(again.token("tracker")).isEqualTo(serve.token("tracker"));
        }
    }

    @Test
    void listingsShowDataSourcesPipesAndParameters() {
        JsonNode datasources = ServeFixture.json(serve.get("/v0/datasources", serve.admin()));
        assertThat(datasources.get("datasources").findValuesAsText("name")).contains("events", "notes");
        JsonNode pipes = ServeFixture.json(serve.get("/v0/pipes", serve.admin()));
        JsonNode customers = null;
        for (JsonNode pipe : pipes.get("pipes")) {
            if (pipe.get("name").asText().equals("customers")) {
                customers = pipe;
            }
        }
        assertThat(customers).isNotNull();
        assertThat(customers.get("params").toString()).contains("\"name\":\"customer\"", "\"type\":\"String\"",
                "\"default\":\"c1\"", "\"description\":\"The customer\"", "\"name\":\"limit\"", "\"type\":\"Int32\"");
        JsonNode forDashboard = ServeFixture.json(serve.get("/v0/pipes", serve.token("dashboard")));
        assertThat(forDashboard.get("pipes").findValuesAsText("name")).containsExactly("actions");
    }
}
