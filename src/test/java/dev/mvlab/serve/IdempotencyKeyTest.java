package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Events API's {@code Idempotency-Key}s are remembered for their life, whatever came in between, and across a
 * restart of serve; past their life they are new. On the real engine over real HTTP.
 */
@ExtendWith(ClickHouseExtension.class)
class IdempotencyKeyTest {
    private static final Path SHOP = ServeFixture.RESOURCES.resolve("shop");

    private static String event(String customer, String product) {
        return "{\"action\":\"view\",\"customer_id\":\"" + customer + "\",\"product\":{\"product_id\":\"" + product
                + "\"},\"timestamp\":\"2024-05-01T10:00:00\"}\n";
    }

    private static HttpResponse<String> post(ServeFixture serve, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serve.service.url() + "/v0/events?name=events"))
                .header("Authorization", "Bearer " + serve.admin()).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return serve.send(request);
    }

    private static long count(Database db, String customer) {
        return db.queryLong("SELECT count() FROM events WHERE customer_id = ?", customer);
    }

    @Test
    void aRetryAfterTenThousandOtherKeyedPostsStoresNothingNew(Database db) throws Exception {
        try (ServeFixture serve = new ServeFixture(db, SHOP)) {
            String body = event("first", "p1") + event("first", "p2");
            assertThat(post(serve, "first-request", body).statusCode()).isEqualTo(200);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    String key = "other-" + i;
                    statuses.add(clients.submit(() -> post(serve, key, event("other", key)).statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).isEqualTo(200);
                }
            } finally {
                clients.shutdown();
            }
            assertThat(count(db, "other")).isEqualTo(10_000);

            HttpResponse<String> retry = post(serve, "first-request", body);
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
            assertThat(ServeFixture.json(retry).get("successful_rows").asLong()).isEqualTo(2);
            assertThat(count(db, "first")).isEqualTo(2);
        }
    }

    @Test
    void aRetryAfterARestartStoresNothingNewAndQuarantinesNothingAgain(Database db, @TempDir Path state)
            throws Exception {
        String body = event("restart", "p1") + "{\"action\":\"view\", broken\n";
        try (ServeFixture serve = new ServeFixture(db, SHOP, state, 1 << 20)) {
            HttpResponse<String> first = post(serve, "before-restart", body);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(400);
        }
        Path file = state.resolve("idempotency-keys." + db.name());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        long quarantined = db.queryLong("SELECT count() FROM events_quarantine WHERE c__import_id = 'before-restart'");
        assertThat(quarantined).isEqualTo(1);

        try (ServeFixture serve = new ServeFixture(db, SHOP, state, 1 << 20)) {
            HttpResponse<String> retry = post(serve, "before-restart", body);
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(400);
            JsonNode json = ServeFixture.json(retry);
            assertThat(json.get("successful_rows").asLong()).isEqualTo(1);
            assertThat(json.get("quarantined_rows").asLong()).isEqualTo(1);
            assertThat(json.get("error").asText()).contains("nothing new was stored");
        }
        assertThat(count(db, "restart")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count() FROM events_quarantine WHERE c__import_id = 'before-restart'"))
                .isEqualTo(1);
    }

    @Test
    void aKeyPastItsLifeIsNew(Database db, @TempDir Path state) throws Exception {
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, state, 1 << 20)
                .withKeys(new KeyMemory(Duration.ofSeconds(10), 1000));
        try (ServeFixture serve = new ServeFixture(db, SHOP, settings)) {
            String body = event("expiring", "p1");
            long sent = System.nanoTime();
            assertThat(post(serve, "short-lived", body).statusCode()).isEqualTo(200);
            long firstAnswered = System.nanoTime(); // the key's life began before this
            assertThat(post(serve, "short-lived", body).statusCode()).isEqualTo(200);
            assertThat(System.nanoTime() - sent).as("both posts within the key's life").isLessThan(9_000_000_000L);
            assertThat(count(db, "expiring")).isEqualTo(1);
            Thread.sleep(Math.max(0, 11_000 - (System.nanoTime() - firstAnswered) / 1_000_000));
            assertThat(post(serve, "short-lived", body).statusCode()).isEqualTo(200);
            assertThat(count(db, "expiring")).isEqualTo(2);
        }
    }

    @Test
    void concurrentPostsWithOneKeyStoreItsRowsOnceAndAllGetItsAnswer(Database db) throws Exception {
        try (ServeFixture serve = new ServeFixture(db, SHOP)) {
            String body = event("concurrent", "p1") + event("concurrent", "p2") + event("concurrent", "p3");
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(clients.submit(() -> post(serve, "same-key", body)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
                    assertThat(ServeFixture.json(answer.get()).get("successful_rows").asLong()).isEqualTo(3);
                }
            } finally {
                clients.shutdown();
            }
            assertThat(count(db, "concurrent")).isEqualTo(3);
        }
    }
}
