package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token scopes on the query as ClickHouse resolves it, tried the ways around (real engine, real HTTP through serve):
 * subqueries, IN, JOINs, CTEs, dictGet, table functions, merge(), aliases, comments, quoted identifiers, another
 * database with the same table name, system tables. Each way around is refused with 403; each allowed form answers
 * the right rows.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeScopesTest {
    private static final String SECRET = "other-secret";
    private ServeFixture serve;
    private String db;
    private String other;

    @BeforeAll
    void start(Database database) {
        db = database.name();
        other = db + "_other";
        serve = new ServeFixture(database, ServeFixture.RESOURCES.resolve("scopes"));
        post("events", "{\"customer_id\":\"c1\",\"amount\":10}\n{\"customer_id\":\"c2\",\"amount\":20}\n"
                + "{\"customer_id\":\"c2\",\"amount\":5}");
        post("notes", "{\"id\":1,\"note\":\"note-secret\"}");
        database.createDatabase(other);
        try (Database o = database.use(other)) {
            o.execute("CREATE TABLE events (customer_id String, amount UInt32) ENGINE = MergeTree "
                    + "ORDER BY customer_id");
            o.execute("INSERT INTO events VALUES ('" + SECRET + "', 99)");
            o.execute("CREATE DICTIONARY d (customer_id String, amount UInt32) PRIMARY KEY customer_id "
                    + "SOURCE(CLICKHOUSE(TABLE 'events' DB '" + other + "')) LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(0)");
        }
        database.execute("CREATE DICTIONARY notes_dict (id UInt64, note String) PRIMARY KEY id "
                + "SOURCE(CLICKHOUSE(TABLE 'notes' DB '" + db + "')) LAYOUT(HASHED()) LIFETIME(0)");
    }

    private void post(String name, String rows) {
        HttpResponse<String> response = serve.post("/v0/events?name=" + name + "&wait=true", serve.admin(), rows);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    private HttpResponse<String> sql(String token, String query) {
        return serve.get("/v0/sql?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
    }

    private HttpResponse<String> onTop(String token, String q) {
        return serve.get("/v0/pipes/by_customer.json?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
    }

    private static List<String> rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : ServeFixture.json(response).get("data")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.asText()));
            rows.add(String.join(",", values));
        }
        return rows;
    }

    private static void assertRefused(HttpResponse<String> response, String query) {
        if (query.contains("merge(") || query.contains("enable_analyzer")) {
            // under a role without privileges ClickHouse sees no table to merge; without its analyzer, no tree
            assertThat(response.statusCode()).as(query + " -> " + response.body()).isIn(400, 403);
        } else {
            assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(403);
        }
        assertThat(ServeFixture.json(response).get("error").asText()).as(query)
                .containsAnyOf("Forbidden", "Not enough privileges", "no tables satisfied",
                        "only supported with the analyzer");
        assertThat(response.body()).as(query).doesNotContain(SECRET).doesNotContain("note-secret");
    }

    @Test
    void aReadTokenReadsItsDataSourceOnlyWhateverTheQuerySaysAroundIt() {
        String reader = serve.token("reader");
        List<String> refused = List.of(
                "SELECT * FROM " + other + ".events",
                "SELECT * FROM `" + other + "`.`events`",
                "SELECT * FROM \"" + other + "\".\"events\"",
                "SELECT * FROM notes",
                "SELECT * FROM `notes`",
                "SELECT * FROM " + db + ".notes",
                "SELECT * FROM /* events */ notes",
                "SELECT * FROM events -- only events\nUNION ALL SELECT customer_id, amount FROM " + other + ".events",
                "SELECT * FROM events WHERE customer_id IN (SELECT note FROM notes)",
                "SELECT 'x' IN " + other + ".events",
                "SELECT customer_id IN " + other + ".events FROM events",
                "SELECT * FROM events AS e JOIN notes AS n ON e.amount = n.id",
                "SELECT * FROM events AS e LEFT JOIN " + other + ".events AS o USING customer_id",
                "SELECT * FROM events, notes",
                "WITH x AS (SELECT * FROM " + other + ".events) SELECT * FROM x",
                "WITH events AS (SELECT * FROM " + other + ".events) SELECT * FROM events",
                "SELECT * FROM (SELECT * FROM notes) AS events",
                "SELECT n.* FROM notes AS n",
                "SELECT * FROM notes AS events",
                "SELECT (SELECT note FROM notes LIMIT 1) AS leaked",
                "SELECT toUInt64((SELECT note FROM notes LIMIT 1)) AS leaked",
                "SELECT toUInt64((SELECT customer_id FROM " + other + ".events LIMIT 1)) AS leaked",
                "SELECT dictGet('" + other + ".d', 'amount', tuple(customer_id)) FROM events",
                "SELECT dictGet('" + other + ".d', 'amount', tuple('someone'))",
                "SELECT dictGet('notes_dict', 'note', toUInt64(amount)) FROM events",
                "SELECT dictGet(concat('notes', '_dict'), 'note', toUInt64(1))",
                "SELECT * FROM numbers(3)",
                "SELECT * FROM file('users.xml', LineAsString)",
                "SELECT * FROM url('http://127.0.0.1:1/', CSV, 'a String')",
                "SELECT * FROM remote('127.0.0.1', system.one)",
                "SELECT * FROM merge('" + other + "', '.*')",
                "SELECT * FROM merge(currentDatabase(), '^notes$')",
                "SELECT * FROM system.users",
                "SELECT * FROM system.events",
                "SELECT name FROM system.tables",
                "SELECT * FROM information_schema.tables",
                "SELECT * FROM by_customer",
                "SELECT count() FROM events SETTINGS additional_table_filters={'events': "
                        + "'(SELECT note FROM notes LIMIT 1) = \\'note-secret\\''}",
                "SELECT * FROM notes SETTINGS enable_analyzer = 0");
        for (String query : refused) {
            assertRefused(sql(reader, query), query);
        }
        assertThat(rows(sql(reader, "SELECT customer_id, amount FROM events ORDER BY customer_id, amount")))
                .containsExactly("c1,10", "c2,5", "c2,20");
        assertThat(rows(sql(reader, "/* a comment */ SELECT count() AS n FROM `events` -- and another")))
                .containsExactly("3");
        assertThat(rows(sql(reader, "SELECT count() AS n FROM " + db + ".events AS e WHERE e.customer_id IN "
                + "(SELECT customer_id FROM events WHERE amount > 12)"))).containsExactly("2");
        assertThat(rows(sql(reader, "WITH big AS (SELECT * FROM events WHERE amount > 6) "
                + "SELECT customer_id FROM big ORDER BY customer_id"))).containsExactly("c1", "c2");
        assertThat(rows(sql(reader, "SELECT a.customer_id, count() AS n FROM events AS a JOIN events AS b "
                + "USING customer_id GROUP BY a.customer_id ORDER BY a.customer_id"))).containsExactly("c1,1", "c2,4");
        assertThat(rows(sql(reader, "SELECT 1 AS one FORMAT JSON"))).containsExactly("1");
    }

    @Test
    void aPipeTokenReadsThePipeInSqlButNotWhatThePipeReads() {
        String dashboard = serve.token("dashboard");
        assertThat(rows(sql(dashboard, "SELECT customer_id, total FROM by_customer ORDER BY customer_id")))
                .containsExactly("c1,10", "c2,25");
        for (String query : List.of("SELECT * FROM events", "SELECT * FROM by_customer WHERE customer_id IN "
                + "(SELECT customer_id FROM events)", "SELECT * FROM by_customer, " + other + ".events")) {
            assertRefused(sql(dashboard, query), query);
        }
    }

    @Test
    void qOnAPipeSelectsFromTheUnderscoreOnly() {
        String dashboard = serve.token("dashboard");
        List<String> refused = List.of(
                "SELECT * FROM " + other + ".events",
                "SELECT * FROM system.users",
                "SELECT * FROM numbers(2)",
                "SELECT * FROM events",
                "SELECT * FROM notes",
                "SELECT * FROM by_customer",
                "SELECT * FROM _ WHERE customer_id IN (SELECT customer_id FROM events)",
                "SELECT * FROM (WITH _ AS (SELECT customer_id, amount AS total FROM events) SELECT * FROM _)",
                "WITH x AS (SELECT * FROM notes) SELECT * FROM _, x",
                "SELECT 'x' IN " + other + ".events FROM _",
                "SELECT dictGet('notes_dict', 'note', toUInt64(total)) FROM _",
                "SELECT * FROM _ AS u JOIN notes AS n ON u.total = n.id",
                "SELECT (SELECT note FROM notes LIMIT 1) AS leaked FROM _",
                "SELECT * FROM merge(currentDatabase(), '^events$')");
        for (String q : refused) {
            assertRefused(onTop(dashboard, q), q);
        }
        assertRefused(onTop(serve.admin(), "SELECT * FROM notes"), "admin: SELECT * FROM notes");
        assertThat(rows(onTop(dashboard, "SELECT sum(total) AS s FROM _"))).containsExactly("35");
        assertThat(rows(onTop(dashboard, "SELECT customer_id FROM _ WHERE total > 12"))).containsExactly("c2");
        assertThat(rows(onTop(dashboard, "WITH t AS (SELECT * FROM _) SELECT count() AS n FROM t")))
                .containsExactly("2");
        assertThat(rows(onTop(dashboard, "SELECT a.customer_id FROM _ AS a JOIN _ AS b USING customer_id "
                + "WHERE b.total < 20"))).containsExactly("c1");
    }

    @Test
    void theAdminTokenReadsItsProjectsDatabaseOnly() {
        String admin = serve.admin();
        for (String query : List.of("SELECT * FROM " + other + ".events", "SELECT name FROM system.users",
                "SELECT * FROM system.tables", "SELECT * FROM file('users.xml', LineAsString)",
                "SELECT * FROM merge('" + other + "', '.*')", "SELECT 'x' IN " + other + ".events",
                "SELECT dictGet('" + other + ".d', 'amount', tuple(customer_id)) FROM events")) {
            assertRefused(sql(admin, query), query);
        }
        assertThat(rows(sql(admin, "SELECT note FROM notes"))).containsExactly("note-secret");
        assertThat(rows(sql(admin, "SELECT dictGet('notes_dict', 'note', toUInt64(amount) - toUInt64(amount) + 1) "
                + "AS n FROM events LIMIT 1")))
                .containsExactly("note-secret");
        assertThat(rows(sql(admin, "SELECT sum(number) AS s FROM numbers(4)"))).containsExactly("6");
    }
}
