package dev.mvlab.serve;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.engine.EngineStatus;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine is killed (SIGKILL) while clients post with idempotency keys: every request answered 200 is in the table
 * after the restart, and the requests left unanswered, retried with their keys, are stored once, not twice.
 */
class EngineKillEventsTest {
    @RegisterExtension
    final OwnEngines engines = OwnEngines.perTest();
    private static final int CLIENTS = 6;
    private static final int LINES = 20;
    private EmbeddedEngine engine;

    @Test
    void answeredRequestsSurviveAndRetriedKeysAreStoredOnce() throws Exception {
        engine = engines.create("serve-kill");
        Path root = ClickHouseExtension.testRoot().resolve("serve-kill");
        EngineStatus first = engine.start();
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ServeFixture.RESOURCES.resolve("shop")));
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, root.resolve("state"), 1 << 20,
                Duration.ofSeconds(2));
        try (Database admin = Database.connect(first.endpoint(), "default")) {
            new Apply(admin, renderer).run(graph, "shop", ApplyOptions.DEFAULT);
        }
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Database db = Database.connect(first.endpoint(), "shop");
             ApiService api = ApiService.start(db, graph, renderer, settings)) {
            String token = api.adminToken().value();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientId = c;
                Thread thread = new Thread(() -> {
                    for (int n = 0; ; n++) {
                        String key = clientId + "-" + n;
                        int status = post(client, api.url(), token, key);
                        sent.incrementAndGet();
                        if (status == 200) {
                            answered.add(key);
                        } else {
                            unanswered.add(key); // the client keeps it to retry with the same key
                            return;
                        }
                        if (killed.get() && n > 1000) {
                            return;
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            while (answered.size() < 30) {
                Thread.sleep(20);
            }
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            killed.set(true);
            for (Thread thread : threads) {
                thread.join(120_000);
            }
        }
        assertThat(unanswered).hasSize(CLIENTS);

        EngineStatus second = engine.start();
        try (Database db = Database.connect(second.endpoint(), "shop");
             ApiService api = ApiService.start(db, graph, renderer, settings)) {
            for (String key : answered) {
                assertThat(count(db, key)).as("request %s was answered 200", key).isEqualTo(LINES);
            }
            for (String key : unanswered) {
                assertThat(post(client, api.url(), api.adminToken().value(), key)).isEqualTo(200);
                assertThat(post(client, api.url(), api.adminToken().value(), key)).isEqualTo(200);
                assertThat(count(db, key)).as("request %s retried with its key", key).isEqualTo(LINES);
            }
            assertThat(db.queryLong("SELECT count() FROM events"))
                    .isEqualTo((long) (answered.size() + unanswered.size()) * LINES);
        }
    }

    private static long count(Database db, String key) {
        return db.queryLong("SELECT count() FROM events WHERE customer_id = ?", key);
    }

    private static int post(HttpClient client, String url, String token, String key) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            body.append("{\"action\":\"view\",\"customer_id\":\"").append(key).append("\",\"product\":{\"product_id\":\"p")
                    .append(i).append("\"},\"timestamp\":\"2024-05-01T10:00:00Z\"}\n");
        }
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url + "/v0/events?name=events"))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
