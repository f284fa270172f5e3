package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code engine stop} while an insert is under way: its client gets an error or every row, never a success with rows
 * missing; and the stop is a clean one (clickhouse-local ends by itself, not by the signals that follow a timeout).
 */
class EngineStopInFlightTest {
    private static final int STREAMED_ROWS = 400_000;
    private static final long SELECTED_ROWS = 40_000_000L;

    @RegisterExtension
    final OwnEngines engines = OwnEngines.perTest();

    /** What the inserting client saw: an HTTP status, or -1 when its connection broke. */
    private record Outcome(int status, String detail) {
        boolean succeeded() {
            return status == 200;
        }
    }

    @Test
    void aStopWhileAnInsertBodyStreamsGivesItsClientAnErrorOrEveryRow() throws Exception {
        EmbeddedEngine engine = engines.create("stop-streaming");
        Endpoint endpoint = engine.start().endpoint();
        try (Database db = Database.connect(endpoint, "default")) {
            db.execute("CREATE TABLE streamed (n UInt64) ENGINE = MergeTree ORDER BY n");
        }
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<Outcome> insert = CompletableFuture.supplyAsync(() -> streamRows(endpoint, streaming));
        assertThat(streaming.await(60, TimeUnit.SECONDS)).isTrue();

        engine.stop();
        Outcome outcome = insert.get(120, TimeUnit.SECONDS);

        try (Database db = Database.connect(engine.start().endpoint(), "default")) {
            long rows = db.queryLong("SELECT count() FROM streamed");
            if (outcome.succeeded()) {
                assertThat(rows).as("an answered insert keeps every row").isEqualTo(STREAMED_ROWS);
                assertThat(db.queryLong("SELECT sum(n) FROM streamed")).isEqualTo((long) STREAMED_ROWS * (STREAMED_ROWS - 1) / 2);
            } else {
                assertThat(outcome.status()).as(outcome.detail()).isNotEqualTo(200);
                assertThat(rows).isBetween(0L, (long) STREAMED_ROWS);
            }
        }
        assertCleanStops(engine, 1);
    }

    @Test
    void aStopWhileChdbRunsAnInsertGivesItsClientAnErrorOrEveryRow() throws Exception {
        EmbeddedEngine engine = engines.create("stop-running");
        Endpoint endpoint = engine.start().endpoint();
        try (Database db = Database.connect(endpoint, "default")) {
            db.execute("CREATE TABLE selected (n UInt64) ENGINE = MergeTree ORDER BY n");
            String sql = "INSERT INTO selected SELECT number FROM numbers(" + SELECTED_ROWS + ") "
                    + "SETTINGS max_block_size = 65536, max_insert_threads = 1";
            CompletableFuture<Outcome> insert = CompletableFuture.supplyAsync(() -> post(endpoint, sql));
            Instant deadline = Instant.now().plusSeconds(60);
            while (!db.running("INSERT INTO selected") && !insert.isDone() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            engine.stop();
            Outcome outcome = insert.get(120, TimeUnit.SECONDS);
            try (Database again = Database.connect(engine.start().endpoint(), "default")) {
                long rows = again.queryLong("SELECT count() FROM selected");
                if (outcome.succeeded()) {
                    assertThat(rows).as("an answered insert keeps every row").isEqualTo(SELECTED_ROWS);
                } else {
                    assertThat(outcome.status()).as(outcome.detail()).isNotEqualTo(200);
                    assertThat(rows).isBetween(0L, SELECTED_ROWS);
                }
            }
        }
        assertCleanStops(engine, 1);
    }

    /** clickhouse-local ended its run itself after each stop: it shut its tables down, nothing forced it. */
    private static void assertCleanStops(EmbeddedEngine engine, int stops) throws IOException {
        String log = Files.readString(engine.logFile().orElseThrow());
        assertThat(log.split("mvlab engine: stopped in", -1)).hasSize(stops + 1);
        assertThat(log.split("clickhouse-local ended", -1).length - 1).isGreaterThanOrEqualTo(stops);
        assertThat(log).doesNotContain("ended with an error");
    }

    /** POSTs {@code STREAMED_ROWS} rows of TSV in small pieces over about 4 s; counts down once the first is out. */
    private static Outcome streamRows(Endpoint endpoint, CountDownLatch streaming) {
        StringBuilder rows = new StringBuilder();
        for (int n = 0; n < STREAMED_ROWS; n++) {
            rows.append(n).append('\n');
        }
        byte[] body = rows.toString().getBytes(StandardCharsets.UTF_8);
        String target = "/?query=" + URLEncoder.encode("INSERT INTO streamed FORMAT TSV", StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", endpoint.httpPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + endpoint.authorization()
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            int piece = body.length / 40 + 1;
            for (int at = 0; at < body.length; at += piece) {
                out.write(body, at, Math.min(piece, body.length - at));
                out.flush();
                streaming.countDown();
                Thread.sleep(100);
            }
            return answer(socket);
        } catch (IOException e) {
            streaming.countDown();
            return new Outcome(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, e.toString());
        }
    }

    private static Outcome post(Endpoint endpoint, String sql) {
        byte[] body = sql.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", endpoint.httpPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + endpoint.authorization()
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return answer(socket);
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        }
    }

    private static Outcome answer(Socket socket) throws IOException {
        String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (text.length() < 12) {
            return new Outcome(-1, "the connection closed with " + text.length() + " bytes of answer");
        }
        return new Outcome(Integer.parseInt(text.substring(9, 12)), text.substring(0, Math.min(400, text.length())));
    }
}
