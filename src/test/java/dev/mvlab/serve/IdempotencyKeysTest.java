package dev.mvlab.serve;

import dev.mvlab.errors.MvlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key file itself: bounded count (oldest first out), life, reload, a torn last record, one serve at a time. */
class IdempotencyKeysTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void keysSurviveAReopenAndTheOldestGoFirstWhenTheMemoryIsFull(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("serve").resolve("keys");
        KeyMemory memory = new KeyMemory(Duration.ofHours(24), 10_000);
        try (IdempotencyKeys keys = IdempotencyKeys.open(file, memory, CLOCK)) {
            for (int i = 0; i < 10_000; i++) {
                long fingerprint = IdempotencyKeys.fingerprint("db", "events", "k" + i);
                keys.pending(fingerprint, keys.now() - 10_000 + i);
                keys.done(fingerprint, keys.now() - 10_000 + i, i, 0);
            }
            assertThat(keys.size()).isEqualTo(10_000);
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (FileChannel log = FileChannel.open(file, StandardOpenOption.APPEND)) {
            log.write(java.nio.ByteBuffer.wrap(new byte[]{1, 2, 3, 4, 5, 6, 7})); // a record cut short by a crash
        }
        try (IdempotencyKeys keys = IdempotencyKeys.open(file, memory, CLOCK)) {
            assertThat(keys.size()).isEqualTo(10_000);
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "k9999")).rows()).isEqualTo(9999);
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "k0")).pending()).isFalse();
            keys.pending(IdempotencyKeys.fingerprint("db", "events", "new"), keys.now());
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "new")).pending()).isTrue();
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "k0"))).isNull(); // the oldest eighth
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "k1249"))).isNull();
            assertThat(keys.find(IdempotencyKeys.fingerprint("db", "events", "k1250"))).isNotNull();
            assertThat(keys.find(IdempotencyKeys.fingerprint("other", "events", "k9999"))).isNull();
        }
        assertThat(Files.size(file)).isEqualTo(8 + 20L * 8751);
    }

    @Test
    void keysPastTheirLifeAreForgottenAndASecondServeIsRefused(@TempDir Path dir) {
        Path file = dir.resolve("keys");
        KeyMemory memory = new KeyMemory(Duration.ofHours(1), 100);
        long old = IdempotencyKeys.fingerprint("db", "events", "old");
        long recent = IdempotencyKeys.fingerprint("db", "events", "recent");
        try (IdempotencyKeys keys = IdempotencyKeys.open(file, memory, CLOCK)) {
            keys.done(old, keys.now() - 3600, 5, 0);
            keys.done(recent, keys.now() - 3599, 7, 1);
            assertThat(keys.find(old)).isNull();
            assertThat(keys.find(recent)).isEqualTo(new IdempotencyKeys.Entry(keys.now() - 3599, 7, 1));
            assertThatThrownBy(() -> IdempotencyKeys.open(file, memory, CLOCK)).isInstanceOf(MvlabException.class)
                    .hasMessageContaining("another mvlab serve keeps its idempotency keys in " + file);
        }
        try (IdempotencyKeys keys = IdempotencyKeys.open(file, memory, CLOCK)) {
            assertThat(keys.size()).isEqualTo(1);
        }
    }
}
