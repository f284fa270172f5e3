package dev.mvlab.engine.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay's request bodies: an insert batch with a Content-Length is held in one array and goes on unchanged; past
 * the memory budget bodies spool to a file as before; a body that does not match its length is refused; the budget
 * is given back on close and on failure.
 */
class RequestBodyTest {
    @TempDir
    Path spoolDir;

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** What the body sends to chDB, read through its publisher as the HTTP client reads it. */
    private static byte[] published(RequestBody body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);
        return out.toByteArray();
    }

    private long spooled() throws IOException {
        if (!Files.isDirectory(spoolDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.count();
        }
    }

    @Test
    void aBatchWithItsLengthIsHeldInMemoryAndSentUnchanged() throws Exception {
        long before = RequestBody.held();
        byte[] batch = bytes(12 << 20, 1);
        try (RequestBody body = RequestBody.read(new ByteArrayInputStream(batch), batch.length,
                new RequestBody.Spool(spoolDir))) {
            assertThat(body.inMemory()).isTrue();
            assertThat(RequestBody.held()).isEqualTo(before + batch.length);
            assertThat(spooled()).isZero();
            assertThat(published(body)).isEqualTo(batch);
        }
        assertThat(RequestBody.held()).isEqualTo(before);
    }

    @Test
    void aShorterBatchInAReusedArrayIsSentWithoutTheTailOfTheOneBefore() throws Exception {
        RequestBody.Spool spool = new RequestBody.Spool(spoolDir);
        byte[] longer = bytes((12 << 20) + 900_000, 5);
        byte[] shorter = bytes((12 << 20) + 100_000, 6);
        try (RequestBody first = RequestBody.read(new ByteArrayInputStream(longer), longer.length, spool)) {
            assertThat(published(first)).isEqualTo(longer);
        }
        long pooled = RequestBody.pooledBytes();
        try (RequestBody second = RequestBody.read(new ByteArrayInputStream(shorter), shorter.length, spool)) {
            assertThat(second.inMemory()).isTrue();
            assertThat(published(second)).isEqualTo(shorter);
            assertThat(RequestBody.pooledBytes()).as("the first batch's array again, no new one").isEqualTo(pooled);
        }
        assertThat(RequestBody.pooledBytes()).isLessThanOrEqualTo(RequestBody.MEMORY_BUDGET);
    }

    @Test
    void bodiesBeyondTheMemoryBudgetSpoolToAFileAndAreDeletedAfterwards() throws Exception {
        RequestBody.Spool spool = new RequestBody.Spool(spoolDir);
        long before = RequestBody.held();
        int size = 24 << 20;
        List<RequestBody> bodies = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // 72 MB: the third is past the 64 MB budget
                byte[] batch = bytes(size, 10 + i);
                sent.add(batch);
                bodies.add(RequestBody.read(new ByteArrayInputStream(batch), batch.length, spool));
            }
            assertThat(bodies.get(0).inMemory()).isTrue();
            assertThat(bodies.get(1).inMemory()).isTrue();
            assertThat(bodies.get(2).inMemory()).isFalse();
            assertThat(spooled()).isEqualTo(1);
            assertThat(RequestBody.held()).isEqualTo(before + 2L * size);
            for (int i = 0; i < 3; i++) {
                assertThat(published(bodies.get(i))).isEqualTo(sent.get(i));
            }
        } finally {
            for (RequestBody body : bodies) {
                body.close();
            }
        }
        assertThat(spooled()).isZero();
        assertThat(RequestBody.held()).isEqualTo(before);
        try (RequestBody again = RequestBody.read(new ByteArrayInputStream(sent.get(0)), size, spool)) {
            assertThat(again.inMemory()).as("the budget is free again").isTrue();
        }
    }

    @Test
    void aBodyShorterOrLongerThanItsLengthIsRefusedAndHoldsNothing() {
        RequestBody.Spool spool = new RequestBody.Spool(spoolDir);
        long before = RequestBody.held();
        byte[] batch = bytes(8 << 20, 3);
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(batch), batch.length + 1, spool))
                .isInstanceOf(IOException.class).hasMessageContaining("ended after");
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(batch), batch.length - 1, spool))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than its Content-Length");
        byte[] query = "SELECT 1".getBytes();
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(query), query.length + 1, spool))
                .isInstanceOf(IOException.class).hasMessageContaining("ended after");
        assertThatThrownBy(() -> RequestBody.read(new ByteArrayInputStream(query), query.length - 1, spool))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than its Content-Length");
        assertThat(RequestBody.held()).isEqualTo(before);
    }

    @Test
    void smallAndUndeclaredBodiesStayAsBefore() throws Exception {
        RequestBody.Spool spool = new RequestBody.Spool(spoolDir);
        byte[] small = "SELECT 1".getBytes();
        try (RequestBody body = RequestBody.read(new ByteArrayInputStream(small), small.length, spool)) {
            assertThat(body.inMemory()).isTrue();
            assertThat(published(body)).isEqualTo(small);
        }
        byte[] large = bytes(6 << 20, 4);
        try (RequestBody body = RequestBody.read(new ByteArrayInputStream(large), -1, spool)) {
            assertThat(body.inMemory()).as("no length: spooled past 4 MB").isFalse();
            assertThat(published(body)).isEqualTo(large);
        }
        try (RequestBody empty = RequestBody.read(new ByteArrayInputStream(new byte[0]), 0, spool)) {
            assertThat(published(empty)).isEmpty();
        }
    }
}
