package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workshop's own generator ({@code data-gen/estore-event-stream.py} of tinybirdco/materialized-views-workshop)
 * posting to {@code mvlab serve} with only its URL and token changed: a faithful Java copy of its sending code.
 * Ten threads each pick a customer and an action by weight, keep the script's cart/purchase state, build the event
 * as the script does (UTC {@code isoformat()} timestamps with microseconds, the price only on purchases), send an
 * occasional duplicate first, and post each event as {@code requests.post(url, json=event, headers={"Authorization":
 * "Bearer ..."})} does (a JSON object body, {@code Content-Type: application/json}), counting the posts whose
 * {@code raise_for_status()} passes: the events it reports as sent. Every one of them must be in the landing table.
 */
@ExtendWith(ClickHouseExtension.class)
class WorkshopScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static final Map<String, Integer> WEIGHTS = Map.of("view", 50, "cart", 20, "uncart", 5, "purchase", 15,
            "return", 5);
    private static final int DUPLICATE_DATA_PERCENTAGE = 5;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final List<String> customers = new ArrayList<>();
    private final List<Object[]> products = new ArrayList<>();
    private final Map<String, List<String>> carts = new HashMap<>();
    private final Map<String, List<String>> purchases = new HashMap<>();
    private final Map<String, Set<String>> viewed = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();

    @Test
    void everyEventTheScriptReportsSentIsInTheLandingTable(Database db, @TempDir Path project) throws Exception {
        copyWorkshop(project);
        for (int i = 0; i < 50; i++) {
            String customer = "customer_" + i;
            customers.add(customer);
            carts.put(customer, new ArrayList<>());
            purchases.put(customer, new ArrayList<>());
            viewed.put(customer, new HashSet<>());
        }
        for (int i = 0; i < 30; i++) {
            products.add(new Object[]{"product_" + i, "brand_" + (i % 5), "model_" + i, 10.0 + i + 0.99, 100});
        }
        try (ServeFixture serve = new ServeFixture(db, project)) {
            String url = serve.service.url() + "/v0/events?name=estore_events";
            String token = serve.admin();
            HttpClient requests = HttpClient.newHttpClient();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                Random random = new Random(t);
                Thread thread = new Thread(() -> {
                    for (int n = 0; n < 60; n++) {
                        Map<String, Object> event = generateEvent(random, requests, url, token);
                        if (event != null) {
                            sendEventToTinybird(requests, url, token, event);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (db.queryLong("SELECT count() FROM estore_events") < sent.get()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(sent.get()).isGreaterThan(400);
            assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(sent.get());
            assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = currentDatabase() AND "
                    + "name = 'estore_events_quarantine'")).as("nothing was quarantined").isZero();
            assertThat(db.queryLong("SELECT count() FROM estore_events WHERE action = 'purchase' AND price > 10"))
                    .isEqualTo(db.queryLong("SELECT count() FROM estore_events WHERE action = 'purchase'"));
        }
    }

    /** generate_event(): None when the script's own uncart bug raises (it names an undefined `product`). */
    private synchronized Map<String, Object> generateEvent(Random random, HttpClient requests, String url,
                                                           String token) {
        String customer = customers.get(random.nextInt(customers.size()));
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        String action = null;
        for (String a : List.of("view", "cart", "uncart", "purchase", "return")) {
            pick -= WEIGHTS.get(a);
            if (pick < 0) {
                action = a;
                break;
            }
        }
        if ((action.equals("cart") || action.equals("purchase")) && viewed.get(customer).isEmpty()) {
            action = "view";
        }
        if (action.equals("purchase") && carts.get(customer).isEmpty()) {
            action = "cart";
        }
        Object[] product = selectProduct(random, action, customer);
        String productId = (String) product[0];
        String determined;
        if (action.equals("cart")) {
            carts.get(customer).add(productId);
            determined = "cart";
        } else if (action.equals("uncart") && carts.get(customer).contains(productId)) {
            return null; // NameError: name 'product' is not defined, caught; no event
        } else if (action.equals("purchase")) {
            purchases.get(customer).add(productId);
            carts.get(customer).remove(productId);
            determined = "purchase";
        } else if (action.equals("return") && purchases.get(customer).contains(productId)) {
            purchases.get(customer).remove(productId);
            determined = "return";
        } else {
            viewed.get(customer).add(productId);
            determined = "view";
        }
        Map<String, Object> productJson = new java.util.LinkedHashMap<>();
        productJson.put("product_id", productId);
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("customer_id", customer);
        event.put("product", productJson);
        event.put("action", determined);
        event.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).format(ISO));
        if (determined.equals("purchase")) {
            productJson.put("price", product[3]);
        }
        if (random.nextInt(101) < DUPLICATE_DATA_PERCENTAGE) {
            sendEventToTinybird(requests, url, token, event);
        }
        return event;
    }

    private Object[] selectProduct(Random random, String action, String customer) {
        List<String> from = switch (action) {
            case "cart" -> new ArrayList<>(viewed.get(customer));
            case "purchase", "uncart" -> carts.get(customer);
            case "return" -> purchases.get(customer);
            default -> List.of();
        };
        if (from.isEmpty()) {
            return products.get(random.nextInt(products.size()));
        }
        String id = from.get(random.nextInt(from.size()));
        return products.stream().filter(p -> p[0].equals(id)).findFirst().orElseThrow();
    }

    /** send_event_to_tinybird(): requests.post(url, json=event, headers=...); raise_for_status(); "Event sent". */
    private void sendEventToTinybird(HttpClient requests, String url, String token, Map<String, Object> event) {
        try {
            HttpResponse<String> response = requests.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(pythonJsonDumps(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 400) {
                sent.incrementAndGet();
            }
        } catch (IOException e) {
            // "Error sending event to Tinybird": not reported as sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** json.dumps as requests uses it: ", " and ": " separators. */
    @SuppressWarnings("unchecked")
    private static String pythonJsonDumps(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            ((Map<String, Object>) map).forEach((k, v) -> parts.add("\"" + k + "\": " + pythonJsonDumps(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    private static void copyWorkshop(Path project) throws IOException {
        for (String folder : List.of("datasources", "pipes")) {
            Path target = Files.createDirectories(project.resolve(folder));
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
    }
}
