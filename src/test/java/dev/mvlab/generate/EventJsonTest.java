package dev.mvlab.generate;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The timestamp text of a line, written without java.time per second, against java.time's own formatting. */
class EventJsonTest {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    @Test
    void timestampsAcrossDaysYearsAndLeapDaysForwardAndBackMatchJavaTime() {
        List<Long> seconds = new ArrayList<>();
        for (LocalDateTime t : List.of(LocalDateTime.of(1971, 1, 1, 0, 0), LocalDateTime.of(1999, 12, 31, 23, 59, 59),
                LocalDateTime.of(2024, 2, 28, 23, 59, 58), LocalDateTime.of(2100, 12, 31, 23, 59, 0))) {
            long s = t.toEpochSecond(ZoneOffset.UTC);
            for (long d = -3; d <= 90_000; d += 7) {
                seconds.add(s + d);
            }
        }
        SplittableRandom random = new SplittableRandom(3);
        long from = LocalDateTime.of(1971, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2101, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(from, to);
            seconds.add(s);
            seconds.add(s - random.nextInt(600)); // a late event goes back, possibly over midnight
        }
        EventJson json = new EventJson();
        for (long s : seconds) {
            String line = json.line(new Event(1, 2, Action.VIEW, s, -1, false, false));
            String expected = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).format(TEXT);
            assertThat(line).as("epoch second %d", s).endsWith("\"timestamp\":\"" + expected + "\"}");
        }
    }

    @Test
    void aLineWrittenFromFieldsIsTheLineOfTheSameEvent() {
        EventJson json = new EventJson();
        long t = LocalDateTime.of(2024, 9, 19, 16, 31, 13).toEpochSecond(ZoneOffset.UTC);
        LineBuffer buffer = new LineBuffer(64);
        json.append(buffer, 27, 499, 2399, Action.PURCHASE, t);
        json.append(buffer, 0, 0, -1, Action.RETURN, t + 1);
        assertThat(new String(buffer.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(
                json.line(new Event(27, 499, Action.PURCHASE, t, 2399, false, false)) + "\n"
                        + json.line(new Event(0, 0, Action.RETURN, t + 1, -1, false, false)) + "\n");
        assertThat(json.line(new Event(0, 0, Action.RETURN, t + 1, -1, false, false))).isEqualTo(
                "{\"customer_id\":\"customer_0\",\"product\":{\"product_id\":\"product_0\"},\"action\":\"return\","
                        + "\"timestamp\":\"2024-09-19T16:31:14\"}");
    }
}
