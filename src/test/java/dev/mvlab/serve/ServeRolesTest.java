package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.engine.host.ServeRoles;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defence in depth: serve's queries run under a ClickHouse role granted SELECT on the project's database only, so a
 * query that slipped past serve's own scope check still reads nothing else. The engine is started, given two
 * databases with a table of the same name, and started again (users.xml, and so the roles, are read when chDB
 * starts); then serve's role is used directly, with no mvlab check in the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeRolesTest {
    private static final String PROJECT = "proj";
    private static final String OTHER = "otherdb";
    private EmbeddedEngine engine;
    private Endpoint endpoint;
    private Path root;
    private Database db;
    private ServeFixture serve;

    @BeforeAll
    void start() throws IOException {
        root = Files.createDirectories(ClickHouseExtension.testRoot().resolve("serve-roles"));
        engine = new EmbeddedEngine(ClickHouseExtension.testSettings(root), ProcessHandle.current().pid());
        try (Database admin = Database.connect(engine.start().endpoint(), "default")) {
            admin.dropDatabase(PROJECT);
            admin.dropDatabase(OTHER);
            admin.createDatabase(PROJECT);
            admin.createDatabase(OTHER);
            admin.execute("CREATE TABLE otherdb.events (customer_id String, amount UInt32) "
                    + "ENGINE = MergeTree ORDER BY customer_id");
            admin.execute("INSERT INTO otherdb.events VALUES ('otherdb-row', 1)");
            admin.execute("CREATE DICTIONARY " + OTHER + ".d (customer_id String, amount UInt32) PRIMARY KEY "
                    + "customer_id SOURCE(CLICKHOUSE(TABLE 'events' DB '" + OTHER + "')) LAYOUT(COMPLEX_KEY_HASHED()) "
                    + "LIFETIME(0)");
        }
        engine.stop();
        endpoint = engine.start().endpoint(); // now with a role for each of the two databases
        db = Database.connect(endpoint, PROJECT);
        serve = new ServeFixture(db, ServeFixture.RESOURCES.resolve("scopes"), root.resolve("state"));
        db.execute("INSERT INTO events VALUES ('proj-row', 1)");
    }

    @AfterAll
    void stop() {
        if (serve != null) {
            serve.close();
            db.close();
        }
        if (engine != null) {
            engine.stop();
        }
    }

    private HttpQueries.Answer as(String role, String sql) throws IOException {
        return new HttpQueries(endpoint).query(PROJECT, sql, Map.of("role", role));
    }

    private static String text(HttpQueries.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theProjectsRoleReadsItsDatabaseAndNothingElse() throws IOException {
        String role = ServeRoles.forDatabase(PROJECT);
        HttpQueries.Answer own = as(role, "SELECT customer_id FROM events");
        assertThat(own.ok()).as(text(own)).isTrue();
        assertThat(text(own).strip()).isEqualTo("proj-row");
        for (String sql : List.of("SELECT * FROM otherdb.events", "SELECT 'x' IN otherdb.events",
                "SELECT * FROM events WHERE customer_id IN (SELECT customer_id FROM otherdb.events)",
                "SELECT dictGet('otherdb.d', 'amount', tuple('someone'))", "SELECT name FROM system.users",
                "SELECT * FROM system.events", "SELECT * FROM information_schema.tables",
                "SELECT * FROM file('users.xml', LineAsString)", "SELECT * FROM remote('127.0.0.1', system.one)",
                "SELECT * FROM url('http://127.0.0.1:1/', CSV, 'a String')",
                "INSERT INTO events VALUES ('x', 2)", "CREATE TABLE t (a UInt8) ENGINE = Memory",
                "SELECT * FROM merge('otherdb', '.*')")) {
            HttpQueries.Answer refused = as(role, sql);
            assertThat(refused.ok()).as(sql + " -> " + text(refused)).isFalse();
            assertThat(text(refused)).as(sql).doesNotContain("otherdb-row");
            if (!sql.contains("merge(")) {
                assertThat(refused.exceptionCode()).as(sql + " -> " + text(refused)).isEqualTo("497");
            }
        }
        HttpQueries.Answer count = as(ServeRoles.forDatabase(OTHER), "SELECT count() FROM otherdb.events");
        assertThat(text(count).strip()).as("the other database's own role reads it").isEqualTo("1");
    }

    @Test
    void theAnalysisRoleReadsNothingAndTheRelaysOwnRightsAreIntact() throws IOException {
        HttpQueries.Answer scalar = as(ServeRoles.ANALYZE, "SELECT (SELECT count() FROM events)");
        assertThat(scalar.exceptionCode()).as(text(scalar)).isEqualTo("497");
        HttpQueries.Answer anyDatabase = as(ServeRoles.ANY_DATABASE, "SELECT name FROM system.users");
        assertThat(anyDatabase.exceptionCode()).as(text(anyDatabase)).isEqualTo("497");
        HttpQueries.Answer relay = new HttpQueries(endpoint).query(PROJECT, "SELECT count() FROM otherdb.events",
                Map.of());
        assertThat(text(relay).strip()).as("without a role the relay user keeps its own rights").isEqualTo("1");
    }

    @Test
    void serveRunsAsTheProjectsRoleEvenWhenItsOwnCheckIsBypassed() {
        assertThat(serve.service.queryRoles().confinement()).isEqualTo(QueryRoles.Confinement.DATABASE);
        HttpResponse<String> roles = serve.get("/v0/sql?q=" + URLEncoder.encode("SELECT currentRoles() AS r",
                StandardCharsets.UTF_8), serve.admin());
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(200);
        assertThat(ServeFixture.json(roles).get("data").get(0).get("r").toString())
                .isEqualTo("[\"" + ServeRoles.forDatabase(PROJECT) + "\"]");

        QueryRunner runner = new QueryRunner(new HttpQueries(endpoint), PROJECT, serve.service.queryRoles());
        for (String sql : List.of("SELECT * FROM otherdb.events", "SELECT name FROM system.users")) {
            try {
                runner.select(sql, OutputFormat.JSON);
                throw new AssertionError(sql + " ran without serve's check");
            } catch (ApiException refused) {
                assertThat(refused.status()).as(refused.getMessage()).isEqualTo(403);
                assertThat(refused.getMessage()).contains("Not enough privileges").doesNotContain("otherdb-row");
            }
        }
        String scalar = "/v0/sql?q=" + URLEncoder.encode("SELECT (SELECT count() FROM events) AS n",
                StandardCharsets.UTF_8);
        HttpResponse<String> admin = serve.get(scalar, serve.admin());
        assertThat(admin.statusCode()).as("the admin token's analysis runs as the database's role: " + admin.body())
                .isEqualTo(200);
        assertThat(ServeFixture.json(admin).get("data").get(0).get("n").asLong()).isEqualTo(1);
        HttpResponse<String> reader = serve.get(scalar, serve.token("reader"));
        assertThat(reader.statusCode()).as("a token's analysis reads nothing: " + reader.body()).isEqualTo(403);
        HttpResponse<String> own = serve.get("/v0/sql?q=" + URLEncoder.encode("SELECT customer_id FROM events",
                StandardCharsets.UTF_8), serve.token("reader"));
        assertThat(ServeFixture.json(own).get("data").get(0).get("customer_id").asText()).isEqualTo("proj-row");
    }
}
