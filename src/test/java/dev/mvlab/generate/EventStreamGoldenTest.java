package dev.mvlab.generate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the exact NDJSON bytes of seeded runs to the output of the generator before its CPU work (branch gencpu):
 * a change that makes the generator faster must not move a single byte for a given seed. The fixture and the
 * digests were written by the integ4 build, before any change to the generator.
 */
class EventStreamGoldenTest {

    private static byte[] ndjson(StreamOptions options, long events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonExport().write(options, RunLimits.events(events), out, "memory", Progress.Listener.NONE);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void threeThousandEventsOfSeed7AreByteForByteTheFixture() throws IOException {
        byte[] expected;
        try (InputStream in = getClass().getResourceAsStream("/generate/seed7-defaults-3000.ndjson")) {
            assertThat(in).as("the fixture is on the test class path").isNotNull();
            expected = in.readAllBytes();
        }
        String actual = new String(ndjson(StreamOptions.defaults(7), 3000), StandardCharsets.US_ASCII);
        String fixture = new String(expected, StandardCharsets.US_ASCII);
        assertThat(actual.lines()).hasSize(3000);
        // line by line first, so a difference names the first line that moved
        assertThat(actual.lines().toList()).containsExactlyElementsOf(fixture.lines().toList());
        assertThat(actual).isEqualTo(fixture);
    }

    @Test
    void longerRunsKeepTheirDigests() throws NoSuchAlgorithmException {
        assertThat(sha256(ndjson(StreamOptions.defaults(1), 200_000)))
                .isEqualTo("4479540faa2666fc8a35cfb59c2c9ac62b2245524ba5f291f0c88198e965c7a5");
    }

    @Test
    void aTinyShopAtAFastPaceWithManyDuplicatesAndLateEventsKeepsItsDigest() throws NoSuchAlgorithmException {
        // 20 pairs at 1000 events per simulated second: picks fail and the clock jumps to the next second
        StreamOptions tiny = new StreamOptions(5, 4, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START, 1000, 0.3,
                0.5, Duration.ofSeconds(30), 11, 3);
        assertThat(sha256(ndjson(tiny, 100_000)))
                .isEqualTo("b9d341c97aadcab069f4e512f8db9d857ddd9f480f5ae20058bcbe14ea465746");
    }

    @Test
    void unusualWeightsSeedAndStartKeepTheirDigest() throws NoSuchAlgorithmException {
        // owed actions, every event late by up to a day, half the lines duplicates, a start that crosses a year
        StreamOptions odd = new StreamOptions(2000, 300, new ActionWeights(10, 30, 20, 30, 10),
                LocalDateTime.of(1999, 12, 31, 23, 59, 0), 50, 0.5, 1.0, Duration.ofDays(1), -5, 9);
        assertThat(sha256(ndjson(odd, 100_000)))
                .isEqualTo("edcf0ef083ff8ebbd5be9598fd821ad428482e077b8a930485b45035fba5bb96");
    }
}
