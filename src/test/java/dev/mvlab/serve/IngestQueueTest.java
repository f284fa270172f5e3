package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit on the real engine: many requests' lines, queued from many threads at once, become few inserts by
 * two senders, and every row lands exactly once; an insert that fails answers every request in it with the error.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestQueueTest {
    private Database db;

    @BeforeAll
    void start(Database db) {
        this.db = db;
        db.execute("CREATE TABLE group_commit (id UInt32, thread UInt8) ENGINE = MergeTree ORDER BY id");
    }

    private HttpInserter inserter(String table) {
        return new HttpInserter(db.endpoint(), db.name(), "INSERT INTO " + Identifiers.quote(db.name()) + "."
                + Identifiers.quote(table) + " FORMAT JSONEachRow", RetryPolicy.within(Duration.ofSeconds(5)));
    }

    private static byte[] lines(int thread, int batch, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"id\":").append((thread * 1000 + batch) * 1000 + i).append(",\"thread\":").append(thread)
                    .append("}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void concurrentRequestsOfTwoSendersLandExactlyOnceInFewInserts() throws Exception {
        int threads = 8;
        int batches = 25;
        int rows = 40;
        List<CompletableFuture<Void>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        try (IngestQueue queue = new IngestQueue("group_commit", inserter("group_commit"), 2)) {
            List<Thread> posting = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                posting.add(new Thread(() -> {
                    for (int b = 0; b < batches; b++) {
                        answers.add(queue.submit(lines(thread, b, rows)));
                    }
                }));
            }
            posting.forEach(Thread::start);
            for (Thread thread : posting) {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertThat(answers).hasSize(threads * batches);
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            assertThat(queue.inserts()).as("requests grouped into inserts").isBetween(1L, (long) threads * batches - 1);
        }
        assertThat(db.queryLong("SELECT count() FROM group_commit")).isEqualTo((long) threads * batches * rows);
        assertThat(db.queryLong("SELECT uniqExact(id) FROM group_commit")).isEqualTo((long) threads * batches * rows);
        assertThat(db.queryLong("SELECT uniqExact(thread) FROM group_commit")).isEqualTo(threads);
    }

    @Test
    void anInsertThatFailsAnswersEveryRequestInItWithTheError() throws Exception {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        try (IngestQueue queue = new IngestQueue("missing", inserter("group_commit_missing"), 2)) {
            for (int b = 0; b < 20; b++) {
                answers.add(queue.submit(lines(9, b, 5)));
            }
            for (CompletableFuture<Void> answer : answers) {
                assertThatThrownBy(() -> answer.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                        .cause().hasMessageContaining("group_commit_missing");
            }
            db.execute("CREATE TABLE group_commit_missing (id UInt32, thread UInt8) ENGINE = MergeTree ORDER BY id");
            queue.submit(lines(9, 99, 7)).get(2, TimeUnit.MINUTES); // the senders go on after a failure
        }
        assertThat(db.queryLong("SELECT count() FROM group_commit_missing")).isEqualTo(7);
    }
}
