package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.template.Secrets;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint that uses tb_secret(), served over real HTTP: the secret's value reaches ClickHouse beside the query
 * (the endpoint answers a caller who knows it, and only that caller), and nobody can make the server hand it out.
 */
@ExtendWith(ClickHouseExtension.class)
class SecretEndpointTest {
    private static final Path FIXTURE = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath()
            .resolve("src/test/resources/secrets");

    private final String secret = "opensesame-" + UUID.randomUUID();

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theEndpointAnswersWithTheSecretBesideTheQuery(@TempDir Path dir, Database db) throws IOException {
        ProjectCopy.of(FIXTURE, dir);
        Files.createDirectories(dir.resolve(".mvlab"));
        Files.writeString(dir.resolve(Secrets.FILE), "api_token=" + secret + "\n");
        try (ServeFixture serve = new ServeFixture(db, dir)) {
            db.execute("INSERT INTO events VALUES ('a', 1), ('b', 2), ('c', 3)");

            HttpResponse<String> right = serve.get("/v0/pipes/guarded.json?min_n=2&password=" + encode(secret),
                    serve.admin());
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            JsonNode data = ServeFixture.json(right).get("data");
            assertThat(data).hasSize(2);
            assertThat(data.get(0).get("name").asText()).isEqualTo("b");
            assertThat(data.get(0).get("region").asText()).isEqualTo("eu");
            assertThat(right.body()).doesNotContain(secret);

            HttpResponse<String> wrong = serve.get("/v0/pipes/guarded.json?password=guess", serve.admin());
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(ServeFixture.json(wrong).get("data")).isEmpty();

            // the way around: a query on top of the endpoint that names the secret's parameter is refused
            HttpResponse<String> onTop = serve.get("/v0/pipes/guarded.json?q=" + encode(
                    "SELECT {api_token: String} AS leaked FROM _"), serve.admin());
            assertThat(onTop.statusCode()).isEqualTo(400);
            assertThat(onTop.body()).doesNotContain(secret).contains("q cannot use query parameters");
            // ... and the SQL API sends no secret at all
            HttpResponse<String> sql = serve.get("/v0/sql?q=" + encode("SELECT {api_token: String} AS leaked"),
                    serve.admin());
            assertThat(sql.statusCode()).isEqualTo(400);
            assertThat(sql.body()).doesNotContain(secret).contains("Substitution `api_token` is not set");
            // ... and the endpoint's view keeps the placeholder: no definition in the engine holds the value (read
            // straight from the engine: serve's tokens may not read system tables)
            String definitions = db.query("SELECT create_table_query FROM system.tables WHERE database = ?",
                    db.name()).rows().toString();
            assertThat(definitions).contains("{api_token:String}").doesNotContain(secret);
        }
    }

    @Test
    void withoutTheSecretTheEndpointFailsAloneWithTinybirdsError(@TempDir Path dir, Database db) {
        ProjectCopy.of(FIXTURE, dir);
        try (ServeFixture serve = new ServeFixture(db, dir)) {
            HttpResponse<String> call = serve.get("/v0/pipes/guarded.json?password=x", serve.admin());
            assertThat(call.statusCode()).isEqualTo(400);
            assertThat(call.body()).contains("Cannot access secret 'api_token'");
            HttpResponse<String> other = serve.get("/v0/sql?q=" + encode("SELECT count() AS n FROM events"),
                    serve.admin());
            assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        }
    }
}
