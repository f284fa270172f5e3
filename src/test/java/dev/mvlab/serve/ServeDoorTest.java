package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.serve.door.DoorSettings;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** mvlab serve's door (issue 16, items 3, 5, 6, 11) over real sockets on the real engine. */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeDoorTest {
    private static final Duration LIMIT = Duration.ofSeconds(4);
    private static final String EVIL = "rebind.evil.example";

    private Database db;
    private ServeFixture serve;

    @BeforeAll
    void start(Database db) {
        this.db = db;
        serve = new ServeFixture(db, project(), settings("127.0.0.1", DoorSettings.DEFAULT.withQueryTimeout(LIMIT)));
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    private static java.nio.file.Path project() {
        return ServeFixture.RESOURCES.resolve("door");
    }

    private static ServeSettings settings(String host, DoorSettings door) {
        return new ServeSettings(host, 0, ServeFixture.tempDir(), 16L << 20).withDoor(door);
    }

    private RawHttp.Answer raw(String method, String target, Map<String, String> headers, byte[] body) {
        return raw(serve, "127.0.0.1", method, target, headers, body);
    }

    private static RawHttp.Answer raw(ServeFixture to, String address, String method, String target,
                                      Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", (address.contains(":") ? "[" + address + "]" : address) + ":" + to.port());
        all.putAll(headers);
        return RawHttp.send(address, to.port(), RawHttp.request(method, target, all, body));
    }

    private static JsonNode json(RawHttp.Answer answer) {
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/json");
        try {
            return ServeFixture.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private static String q(String sql) {
        return URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    private long hits() {
        return ((Number) db.query("SELECT count() FROM hits").rows().get(0).get(0)).longValue();
    }

    // ---- items 5 and 6: Host, /tokens, Origin, CORS

    @Test
    void aRebindingHostIsRefusedOnEveryRoute() {
        Map<String, String> evil = Map.of("Host", EVIL + ":" + serve.port(), "Origin", "http://" + EVIL + ":"
                + serve.port());
        RawHttp.Answer tokens = raw("GET", "/tokens", evil, null);
        assertThat(tokens.status()).isEqualTo(421);
        assertThat(json(tokens).get("error").asText()).contains(EVIL).contains("--allow-host");
        assertThat(tokens.body()).doesNotContain(serve.admin());

        RawHttp.Answer sql = raw("GET", "/v0/sql?q=" + q("SELECT 1") + "&token=" + serve.admin(), evil, null);
        assertThat(sql.status()).isEqualTo(421);
        long before = hits();
        RawHttp.Answer post = raw("POST", "/v0/events?name=hits&wait=true&token=" + serve.token("tracker"),
                Map.of("Host", EVIL, "Content-Type", "text/plain"), "{\"page\":\"/a\",\"n\":1}".getBytes());
        assertThat(post.status()).isEqualTo(421);
        assertThat(hits()).isEqualTo(before);
    }

    @Test
    void aUserAllowedHostNameIsAnswered() {
        try (ServeFixture allowed = new ServeFixture(db, project(), settings("127.0.0.1",
                DoorSettings.DEFAULT.withAllowedHosts(List.of("dash.example"))))) {
            RawHttp.Answer ok = raw(allowed, "127.0.0.1", "GET", "/v0/pipes/pages.json",
                    Map.of("Host", "dash.example:" + allowed.port(), "Authorization", "Bearer "
                            + allowed.token("dashboard")), null);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            RawHttp.Answer tokens = raw(allowed, "127.0.0.1", "GET", "/tokens",
                    Map.of("Host", "dash.example:" + allowed.port()), null);
            assertThat(tokens.status()).as("an allowed name is still not a loopback name").isEqualTo(403);
            assertThat(String.join("\n", allowed.service.exposure())).contains("dash.example")
                    .contains("/tokens").contains("loopback clients only").contains("'dashboard' (pages)")
                    .contains("'tracker' (hits)");
        }
    }

    @Test
    void tokensAnswerALoopbackClientWithALoopbackHostAndNoOrigin() {
        RawHttp.Answer ok = raw("GET", "/tokens", Map.of(), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(json(ok).get("admin_token").asText()).isEqualTo(serve.admin());
        RawHttp.Answer localhost = raw("GET", "/tokens", Map.of("Host", "localhost:" + serve.port()), null);
        assertThat(localhost.status()).isEqualTo(200);

        for (String origin : List.of("http://evil.example", "http://127.0.0.1:" + serve.port(), "null")) {
            RawHttp.Answer fromPage = raw("GET", "/tokens", Map.of("Origin", origin), null);
            assertThat(fromPage.status()).as(origin).isEqualTo(403);
            assertThat(fromPage.body()).doesNotContain(serve.admin());
            assertThat(fromPage.header("Access-Control-Allow-Origin")).isNull();
        }
        RawHttp.Answer preflight = raw("OPTIONS", "/tokens", Map.of("Origin", "http://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void tokensAreNotServedToAClientOutsideTheLoopbackSet() {
        // decision on real requests: the same loopback client, but the door told that no address is loopback
        try (ServeFixture strict = new ServeFixture(db, project(), settings("127.0.0.1",
                DoorSettings.DEFAULT.withLoopback(address -> false)))) {
            RawHttp.Answer tokens = raw(strict, "127.0.0.1", "GET", "/tokens", Map.of(), null);
            assertThat(tokens.status()).isEqualTo(403);
            assertThat(json(tokens).get("error").asText()).contains("loopback");
            assertThat(tokens.body()).doesNotContain(strict.admin());
        }
    }

    @Test
    void servingOnANonLoopbackAddressKeepsTheAdminTokenFromItsClients() throws Exception {
        // opt-in: traffic to one of this machine's own non-loopback addresses (CI sends none outside loopback);
        // MVLAB_TEST_OWN_ADDRESS=auto picks the first one, or names it
        String wanted = System.getenv("MVLAB_TEST_OWN_ADDRESS");
        assumeTrue(wanted != null && !wanted.isBlank(), "set MVLAB_TEST_OWN_ADDRESS to run it off loopback");
        Optional<InetAddress> own = wanted.equals("auto") ? ownNonLoopbackAddress()
                : Optional.of(InetAddress.getByName(wanted));
        assumeTrue(own.isPresent(), "this machine has no non-loopback address");
        String address = own.get().getHostAddress();
        try (ServeFixture open = new ServeFixture(db, project(), settings(address, DoorSettings.DEFAULT))) {
            RawHttp.Answer tokens = raw(open, address, "GET", "/tokens", Map.of(), null);
            assertThat(tokens.status()).as("a client from %s", address).isEqualTo(403);
            assertThat(tokens.body()).doesNotContain(open.admin());
            RawHttp.Answer pipe = raw(open, address, "GET", "/v0/pipes/pages.json?token=" + open.token("dashboard"),
                    Map.of(), null);
            assertThat(pipe.status()).as(pipe.body()).isEqualTo(200);
            RawHttp.Answer evil = raw(open, address, "GET", "/v0/health", Map.of("Host", EVIL), null);
            assertThat(evil.status()).isEqualTo(421);
        }
    }

    private static Optional<InetAddress> ownNonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void aWebPageWithoutATokenIsRefusedAndStoresNothing() {
        long before = hits();
        RawHttp.Answer post = raw("POST", "/v0/events?name=hits&wait=true", Map.of("Origin", "http://evil.example",
                "Content-Type", "text/plain"), "{\"page\":\"/evil\",\"n\":1}".getBytes());
        assertThat(post.status()).isEqualTo(403);
        assertThat(json(post).get("error").asText()).contains("needs a token");
        assertThat(hits()).isEqualTo(before);
    }

    @Test
    void aPreflightAndASimpleRequestWithAReadTokenGetTinybirdsCorsAnswers() {
        RawHttp.Answer preflight = raw("OPTIONS", "/v0/pipes/pages.json", Map.of("Origin", "https://dash.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET").contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        RawHttp.Answer read = raw("GET", "/v0/pipes/pages.json?token=" + serve.token("dashboard"),
                Map.of("Origin", "https://dash.example"), null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(read.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(json(read).has("data")).isTrue();

        long before = hits();
        RawHttp.Answer append = raw("POST", "/v0/events?name=hits&wait=true&token=" + serve.token("tracker"),
                Map.of("Origin", "https://shop.example", "Content-Type", "text/plain"),
                "{\"page\":\"/home\",\"n\":1}".getBytes());
        assertThat(append.status()).as(append.body()).isEqualTo(200);
        assertThat(append.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(hits()).isEqualTo(before + 1);

        RawHttp.Answer noOrigin = raw("GET", "/v0/pipes/pages.json?token=" + serve.token("dashboard"), Map.of(),
                null);
        assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
    }

    // ---- item 11: bodies and queries that once broke the server

    @Test
    void deepOrHugeQueriesGetA400InJson() {
        String admin = "Bearer " + serve.admin();
        RawHttp.Answer parens = raw("POST", "/v0/sql", Map.of("Authorization", admin),
                ("SELECT " + "(".repeat(100_000) + "1").getBytes());
        assertThat(parens.status()).isEqualTo(400);
        assertThat(json(parens).get("error").asText()).contains("deeper than 1000");

        RawHttp.Answer huge = raw("POST", "/v0/sql", Map.of("Authorization", admin),
                "(".repeat(8 << 20).getBytes());
        assertThat(huge.status()).isEqualTo(400);
        assertThat(json(huge).get("error").asText()).contains("characters long").contains("limit");

        RawHttp.Answer spacesThenBroken = raw("POST", "/v0/sql", Map.of("Authorization", admin),
                (" ".repeat(200_000) + "SELECT (").getBytes());
        assertThat(spacesThenBroken.status()).isEqualTo(400);
        assertThat(json(spacesThenBroken).has("error")).isTrue();

        RawHttp.Answer spacesThenValid = raw("POST", "/v0/sql", Map.of("Authorization", admin),
                (" ".repeat(200_000) + "SELECT 42 AS answer").getBytes());
        assertThat(spacesThenValid.status()).as("a valid query is answered").isEqualTo(200);
        assertThat(json(spacesThenValid).get("data").get(0).get("answer").asInt()).isEqualTo(42);

        RawHttp.Answer pipeQ = raw("POST", "/v0/pipes/pages.json", Map.of("Authorization", admin,
                "Content-Type", "application/json"), ("{\"q\":\"" + "(".repeat(100_000) + "\"}").getBytes());
        assertThat(pipeQ.status()).isEqualTo(400);
        assertThat(json(pipeQ).has("error")).isTrue();
    }

    @Test
    void jettysOwnErrorsAreJsonToo() {
        RawHttp.Answer longLine = raw("GET", "/v0/sql?q=" + "%20".repeat(200_000) + "SELECT%201&token="
                + serve.admin(), Map.of(), null);
        assertThat(longLine.status()).isIn(414, 431);
        assertThat(json(longLine).get("error").asText()).contains("POST");

        RawHttp.Answer malformed = RawHttp.parse(rawBytes("GET /v0/health HTTP/1.1\r\nHost: 127.0.0.1:" + serve.port()
                + "\r\nBad Header Line\r\nConnection: close\r\n\r\n"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).has("error")).isTrue();
    }

    private byte[] rawBytes(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", serve.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownContentEncodingIs415AndGzipStillWorks() throws IOException {
        long before = hits();
        RawHttp.Answer br = raw("POST", "/v0/events?name=hits&wait=true", Map.of("Authorization", "Bearer "
                + serve.token("tracker"), "Content-Encoding", "br"), "{\"page\":\"/br\",\"n\":1}".getBytes());
        assertThat(br.status()).isEqualTo(415);
        assertThat(json(br).get("error").asText()).contains("br");
        assertThat(hits()).isEqualTo(before);

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("{\"page\":\"/gz\",\"n\":1}".getBytes(StandardCharsets.UTF_8));
        }
        RawHttp.Answer gzip = raw("POST", "/v0/events?name=hits&wait=true", Map.of("Authorization", "Bearer "
                + serve.token("tracker"), "Content-Encoding", "gzip"), zipped.toByteArray());
        assertThat(gzip.status()).as(gzip.body()).isEqualTo(200);
        assertThat(hits()).isEqualTo(before + 1);
    }

    // ---- item 3: time limit, queries per token, a client that leaves

    @Test
    void aQueryRunsUnderALimitTheClientCannotLift() {
        RawHttp.Answer lifted = raw("POST", "/v0/sql", Map.of("Authorization", "Bearer " + serve.admin()),
                ("SELECT sleepEachRow(1), number FROM numbers(60) SETTINGS max_block_size = 1, max_execution_time = 0")
                        .getBytes());
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(408);
        assertThat(json(lifted).get("error").asText()).contains("time limit of " + LIMIT.toSeconds() + " s");
        assertThat(runningSleeps()).isZero();
    }

    @Test
    void aServedQuerysAnswerIsHeldInMemoryUntilItEnds() {
        RawHttp.Answer answer = raw("GET", "/v0/sql?q=" + q("SELECT getSetting('http_response_buffer_size') AS "
                + "buffer, getSetting('max_execution_time') AS limit"),
                Map.of("Authorization", "Bearer " + serve.admin()), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode row = json(answer).get("data").get(0);
        assertThat(row.get("buffer").asLong()).isEqualTo(QueryRunner.RESPONSE_BUFFER_BYTES);
        assertThat(row.get("limit").asDouble()).isEqualTo(LIMIT.toSeconds());
    }

    @Test
    void seventySlowQueriesOfOneTokenDoNotBlockAnotherTokensQuery() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(70);
        try {
            List<Future<RawHttp.Answer>> slow = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                slow.add(clients.submit(() -> raw("GET", "/v0/pipes/slow.json?token=" + serve.token("viewer"),
                        Map.of(), null)));
            }
            RawHttp.Answer other = raw("GET", "/v0/pipes/pages.json?token=" + serve.token("dashboard"), Map.of(),
                    null);
            assertThat(other.status()).as(other.body()).isEqualTo(200);
            assertThat(slow.stream().filter(f -> !f.isDone()).count())
                    .as("the other token's query was answered while the slow ones still ran").isPositive();
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (Future<RawHttp.Answer> f : slow) {
                answers.add(f.get());
            }
            List<RawHttp.Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
            assertThat(refused).hasSize(70 - DoorSettings.DEFAULT_QUERIES_PER_TOKEN);
            assertThat(refused.get(0).header("Retry-After")).isEqualTo("1");
            assertThat(json(refused.get(0)).get("error").asText()).contains("Too many requests");
            assertThat(answers.stream().filter(a -> a.status() == 408)).hasSize(DoorSettings.DEFAULT_QUERIES_PER_TOKEN);
        } finally {
            clients.shutdownNow();
        }
        assertThat(runningSleeps()).isZero();
    }

    @Test
    void aClientThatLeavesGetsItsQueryKilled() throws Exception {
        try (ServeFixture patient = new ServeFixture(db, project(), settings("127.0.0.1",
                DoorSettings.DEFAULT.withQueryTimeout(Duration.ofMinutes(5))))) {
            byte[] request = RawHttp.request("GET", "/v0/pipes/slow.json?token=" + patient.token("viewer"),
                    Map.of("Host", "127.0.0.1:" + patient.port()), null);
            Thread leaving = new Thread(() -> {
                try {
                    RawHttp.sendAndLeave("127.0.0.1", patient.port(), request, 1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            leaving.start();
            waitUntil(() -> runningSleeps() == 1, Duration.ofSeconds(20));
            leaving.join();
            waitUntil(() -> runningSleeps() == 0, Duration.ofSeconds(30));
            assertThat(runningSleeps()).as("killed long before its 60 rows were slept").isZero();
        }
    }

    private long runningSleeps() {
        return ((Number) db.query("SELECT count() FROM system.processes WHERE query LIKE '%sleepEachRow%' "
                + "AND query_id LIKE 'mvlab-serve-%' AND query NOT LIKE '%system.processes%'").rows().get(0).get(0))
                .longValue();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration max)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
