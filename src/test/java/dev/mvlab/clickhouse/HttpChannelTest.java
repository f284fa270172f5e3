package dev.mvlab.clickhouse;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.EngineException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, item 4: one HTTP channel to ClickHouse for queries and inserts. Batches carry a deduplication token (a
 * batch sent again is kept once), travel LZ4-compressed when asked, and are retried within a budget; data inserts
 * report the rows written and throw the server's refusal.
 */
@ExtendWith(ClickHouseExtension.class)
class HttpChannelTest {
    private static final String LINES = "INSERT INTO lines SELECT line FROM input('line String') FORMAT LineAsString";

    @Test
    void aBatchSentAgainWithItsTokenIsKeptOnceAndLz4BodiesArrive(Database db) throws Exception {
        db.execute("CREATE TABLE lines (line String) ENGINE = MergeTree ORDER BY line "
                + "SETTINGS non_replicated_deduplication_window = 100"); // as mvlab creates landing tables
        byte[] body = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);
        HttpQueries channel = new HttpQueries(db.endpoint());
        HttpInserter plain = new HttpInserter(channel, db.name(), LINES, RetryPolicy.DEFAULT, Compression.NONE);
        HttpInserter packed = new HttpInserter(channel, db.name(), LINES, RetryPolicy.DEFAULT, Compression.LZ4);

        assertThat(plain.insert(body, body.length, "batch-1").attempts()).isEqualTo(1);
        plain.insert(body, body.length, "batch-1");
        packed.insert(body, body.length, "batch-1"); // the same rows, compressed: still the same block
        assertThat(db.queryLong("SELECT count() FROM lines")).isEqualTo(3);

        byte[] more = "d\ne\n".getBytes(StandardCharsets.UTF_8);
        packed.insert(more, more.length, "batch-2");
        assertThat(db.queryLong("SELECT count() FROM lines")).isEqualTo(5);
        assertThat(db.queryLong("SELECT count() FROM lines WHERE line IN ('d', 'e')")).isEqualTo(2);
    }

    @Test
    void autoCompressionIsOffOnThisMachineAndOnElsewhere() {
        assertThat(Compression.AUTO.resolve("127.0.0.1")).isEqualTo(Compression.NONE);
        assertThat(Compression.AUTO.resolve("localhost")).isEqualTo(Compression.NONE);
        assertThat(Compression.AUTO.resolve("db.example")).isEqualTo(Compression.LZ4);
        assertThat(Compression.NONE.resolve("db.example")).isEqualTo(Compression.NONE);
    }

    @Test
    void aRefusedBatchIsNotRetriedAndAnUnreachableServerEndsTheBudget(Database db) throws Exception {
        byte[] body = "x\n".getBytes(StandardCharsets.UTF_8);
        HttpInserter refused = new HttpInserter(db.endpoint(), db.name(),
                "INSERT INTO no_such_table SELECT line FROM input('line String') FORMAT LineAsString",
                RetryPolicy.DEFAULT);
        assertThatThrownBy(() -> refused.insert(body, body.length, "t")).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("no_such_table");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Endpoint nowhere = new Endpoint("127.0.0.1", closedPort, false, "default", "", Duration.ofSeconds(5));
        RetryPolicy brief = new RetryPolicy(Duration.ofMillis(600), Duration.ofMillis(50), Duration.ofMillis(100));
        HttpInserter unreachable = new HttpInserter(nowhere, "default", LINES, brief);
        assertThatThrownBy(() -> unreachable.insert(body, body.length, "t"))
                .isInstanceOf(HttpInserter.Unavailable.class)
                .hasMessageStartingWith("ClickHouse at http://127.0.0.1:" + closedPort + " did not take the batch after ")
                .hasMessageNotContaining("after 1 attempts");
    }

    @Test
    void dataInsertsSayTheRowsWrittenAndQueriesComeBackAsTheServerWroteThem(Database db) throws Exception {
        db.execute("CREATE TABLE numbers_in (n UInt32) ENGINE = MergeTree ORDER BY n");
        HttpQueries channel = new HttpQueries(db.endpoint());
        assertThat(channel.insertData(db.name(), "INSERT INTO numbers_in FORMAT CSV",
                new ByteArrayInputStream("1\n2\n3\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo(3);
        assertThat(channel.insertInline(db.name(), "INSERT INTO numbers_in FORMAT Values (4), (5)")).isEqualTo(2);
        assertThatThrownBy(() -> channel.insertInline(db.name(), "INSERT INTO numbers_in FORMAT Values ('x')"))
                .isInstanceOf(DatabaseException.class);

        HttpQueries.Answer sum = channel.query(db.name(), "SELECT sum(n) FROM numbers_in FORMAT TSV", Map.of());
        assertThat(sum.ok()).isTrue();
        assertThat(new String(sum.body(), StandardCharsets.UTF_8).strip()).isEqualTo("15");
        HttpQueries.Answer refused = channel.query(db.name(), "SELECT nope FROM numbers_in", Map.of());
        assertThat(refused.status()).isNotEqualTo(200);
        assertThat(refused.exceptionCode()).isEqualTo("47");

        Endpoint nowhere = new Endpoint("127.0.0.1", 1, false, "default", "", Duration.ofSeconds(5));
        assertThatThrownBy(() -> new HttpQueries(nowhere).insertInline("default", "INSERT INTO t FORMAT Values (1)"))
                .isInstanceOf(EngineException.class).hasMessageStartingWith("cannot reach ClickHouse at ");
    }
}
