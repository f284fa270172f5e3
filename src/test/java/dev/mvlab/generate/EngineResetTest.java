package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, part 1: clients that reset their connection at the worst moment, a thousand times each way, while the
 * generator streams into the engine. The engine answers after every reset, chDB never dies (no restart), the run
 * finishes, and the table holds exactly the intended stream.
 */
@ExtendWith(ClickHouseExtension.class)
class EngineResetTest {
    static final int RESETS_PER_KIND = 1000;
    private static final long EVENTS = 300_000;

    /** One kind of client misbehaviour: what it sends before it resets (SO_LINGER 0 = RST instead of FIN). */
    enum Reset {
        HALF_HTTP_HEADER("POST / HTTP/1.1\r\nHo"),
        TRUNCATED_NATIVE_HELLO("\u0000"),
        HALF_BODY("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nINSERT INTO t VALUES"),
        ANSWER_CUT_SHORT(null);

        final String sent;

        Reset(String sent) {
            this.sent = sent;
        }
    }

    @Test
    void aThousandResetsOfEachKindDuringAStreamLoseAndDoubleNothing(Database db, Endpoint endpoint) throws Exception {
        Workshop.createTables(db, "estore_events");
        StreamOptions options = StreamOptions.defaults(11);
        BatchSettings batching = new BatchSettings(10_000, Duration.ofSeconds(1), 2, 2);
        Path checkpoints = ClickHouseExtension.testRoot().resolve("resets-" + db.name());
        LandingIngest ingest = new LandingIngest(db, Workshop.landing("estore_events"), checkpoints, batching,
                RetryPolicy.within(Duration.ofSeconds(60)));
        EmbeddedEngine engine = new EmbeddedEngine(ClickHouseExtension.testSettings(
                ClickHouseExtension.testRoot().resolve("shared")));
        String restartsBefore = engine.status().restarts();

        CompletableFuture<GenerateResult> run = CompletableFuture.supplyAsync(() -> ingest.run(options, true,
                new RunLimits(EVENTS, null, 20_000), false, Progress.Listener.NONE));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int answered = 0;
        for (int i = 0; i < RESETS_PER_KIND; i++) {
            for (Reset kind : Reset.values()) {
                reset(endpoint, kind);
                assertThat(answers(client, endpoint, i % 50 == 0)).as("the engine answers after %s #%d", kind, i)
                        .isTrue();
                answered++;
            }
        }
        GenerateResult result = run.get(10, TimeUnit.MINUTES);

        assertThat(answered).isEqualTo(RESETS_PER_KIND * Reset.values().length);
        assertThat(result.position()).isEqualTo(EVENTS);
        assertThat(engine.status().restarts()).as("chDB never died").isEqualTo(restartsBefore);
        assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(EVENTS);
        List<Object> expected = Workshop.expectedFingerprint(db, options, EVENTS, "expected_lines");
        assertThat(Workshop.tableFingerprint(db, "estore_events")).isEqualTo(expected);
        Workshop.assertViewsMatch(db, "estore_events");
    }

    @Test
    void aRemoteReadThatCouldBeCutShortIsNotAvailable(Database db) {
        assertThatThrownBy(() -> db.query("SELECT * FROM remote('127.0.0.1:9000', system.numbers) LIMIT 10"))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("READ ON REMOTE");
    }

    private static void reset(Endpoint endpoint, Reset kind) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", endpoint.httpPort())) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            if (kind == Reset.ANSWER_CUT_SHORT) {
                String body = "SELECT number, repeat('x', 100) FROM numbers(20000)";
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + endpoint.authorization()
                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                in.readNBytes(2048); // the answer has begun; then the client resets with most of it unread
            } else {
                out.write(kind.sent.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } // close with SO_LINGER 0: a TCP RST
    }

    /** chDB's own /ping through the relay (503 while chDB is down), and now and then a query. */
    private static boolean answers(HttpClient client, Endpoint endpoint, boolean query) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.httpUrl() + (query ? "/" : "/ping")))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", endpoint.authorization());
            HttpResponse<String> response = client.send(query
                    ? request.POST(HttpRequest.BodyPublishers.ofString("SELECT 1")).build() : request.GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().equals(query ? "1" : "Ok.");
        } catch (IOException e) {
            return false;
        }
    }
}
