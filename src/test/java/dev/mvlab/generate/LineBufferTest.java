package dev.mvlab.generate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The digits the NDJSON lines carry: every length of number, written the way Long.toString writes it. */
class LineBufferTest {

    @Test
    void digitsOfEveryLengthAndAroundEachPowerOfTenMatchLongToString() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 11L, 99L, 100L, 101L, Long.MAX_VALUE));
        for (long power = 10; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
            values.addAll(List.of(power - 1, power, power + 1, power * 10 - 1));
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63));
        }
        LineBuffer buffer = new LineBuffer(16);
        StringBuilder expected = new StringBuilder();
        for (long value : values) {
            buffer.appendDigits(value);
            buffer.append((byte) ',');
            expected.append(value).append(',');
        }
        assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void digitCountCountsTheDigitsOfZeroAndOfTheLargestLong() {
        assertThat(LineBuffer.digitCount(0)).isEqualTo(1);
        assertThat(LineBuffer.digitCount(9)).isEqualTo(1);
        assertThat(LineBuffer.digitCount(10)).isEqualTo(2);
        assertThat(LineBuffer.digitCount(999_999_999_999_999_999L)).isEqualTo(18);
        assertThat(LineBuffer.digitCount(1_000_000_000_000_000_000L)).isEqualTo(19);
        assertThat(LineBuffer.digitCount(Long.MAX_VALUE)).isEqualTo(19);
    }
}
