package dev.mvlab.serve;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date-time texts {@link TemporalCheck} reads by hand are exactly those the regular expression it replaced read,
 * with the same instant: checked on edge cases and on many random mutations of them (the expression and its reading,
 * as they were, are the oracle here). StoredValuesTest checks the same rules against the engine.
 */
class TemporalCheckTest {
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})"
            + "(?::(\\d{2})(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern EPOCH_TEXT = Pattern.compile("^\\d{9,10}$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final List<String> CASES = List.of("2024-05-01", "2024-05-01T10:20", "2024-05-01 10:20:30",
            "2024-05-01T10:20:30.5", "2024-05-01T10:20:30.123456789", "2024-05-01T10:20:30.1234567890",
            "2024-05-01T10:20:30Z", "2024-05-01T10:20:30+02:00", "2024-05-01T10:20:30-0530", "2024-05-01T10:20:30+18:00",
            "2024-05-01T10:20:30+18:30", "2024-05-01T10:20:30+05:60", "2024-05-01T24:00:00", "2024-05-01T23:60",
            "2024-05-01T23:59:60", "2024-05-01T23:59:61", "2024-02-30", "2024-13-01", "1969-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "2106-02-07 06:28:15", "2106-02-07 06:28:16", "1900-01-01 00:00:00",
            "1899-12-31 23:59:59", "2299-12-31 23:59:59.999999999", "2300-01-01", "2262-04-11 23:47:16.854775807Z",
            "2262-04-11 23:47:16.854775808Z", "1700000000", "170000000", "17000000000", "0000000000", "2024-05-01T",
            "2024-05-01 ", "2024-05-01T10", "2024-05-01T10:2", "2024-05-01T10:20:", "2024-05-01T10:20:3",
            "2024-05-01T10:20:30.", "2024-05-01T10:20:30Z ", "2024-05-01T10:20Z", "2024-05-01T10:20+01",
            "2024-05-01Z", "2024-05-01+01:00", "2024-5-01", "+2024-05-01", "2024/05/01", "", "x", "2024-05-01X",
            "2024-05-01T10:20:30+0100", "2024-05-01T10:20:30+01:0", "2024-05-01T10:20:30z",
            "٢٠٢٤-05-01", "2024-05-01T10:20:30.５");

    /** The old reading: the regular expression and its groups. */
    private static boolean oracle(String text, TemporalCheckKind kind, int precision) {
        if (EPOCH_TEXT.matcher(text).matches()) {
            return inRange(Long.parseLong(text), 0, kind, precision);
        }
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDateTime local = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay();
            if (m.group(4) != null) {
                int hour = Integer.parseInt(m.group(4));
                int minute = Integer.parseInt(m.group(5));
                int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                if (hour > 23 || minute > 59 || second > 60) {
                    return false;
                }
                local = local.plusSeconds(hour * 3600L + minute * 60L + second);
            }
            String offset = m.group(8);
            long epoch = offset == null ? local.atZone(ZONE).toEpochSecond() : local.toEpochSecond(
                    offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset.length() == 5
                            ? offset.substring(0, 3) + ":" + offset.substring(3) : offset));
            String fraction = m.group(7);
            return inRange(epoch, fraction == null ? 0 : Integer.parseInt((fraction.substring(1) + "00000000")
                    .substring(0, 9)), kind, precision);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private enum TemporalCheckKind { DATE_TIME, DATE_TIME64 }

    private static boolean inRange(long seconds, int nanos, TemporalCheckKind kind, int precision) {
        if (kind == TemporalCheckKind.DATE_TIME) {
            return seconds >= 0 && seconds <= 4294967295L;
        }
        return seconds >= -2208988800L && seconds < 10413792000L
                && (precision < 9 || seconds < 9223372036L || seconds == 9223372036L && nanos <= 854775807);
    }

    private static boolean dateOracle(String text, LocalDate min, LocalDate max) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return !date.isBefore(min) && !date.isAfter(max);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static List<String> mutations(long seed, int count) {
        Random random = new Random(seed);
        String alphabet = "0123456789-:T .Z+z5";
        List<String> out = new ArrayList<>(CASES);
        while (out.size() < count) {
            StringBuilder text = new StringBuilder(CASES.get(random.nextInt(CASES.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, c);
                        }
                    }
                }
            }
            out.add(text.toString());
        }
        return out;
    }

    @Test
    void dateTimeTextsAreReadAsTheRegularExpressionReadThem() {
        TemporalCheck dateTime = TemporalCheck.of("DateTime", "DateTime", ZONE);
        TemporalCheck dateTime64 = TemporalCheck.of("DateTime64", "DateTime64(3)", ZONE);
        TemporalCheck dateTime64Nanos = TemporalCheck.of("DateTime64", "DateTime64(9)", ZONE);
        int accepted = 0;
        for (String text : mutations(20, 60_000)) {
            boolean expected = oracle(text.strip(), TemporalCheckKind.DATE_TIME, 0);
            assertThat(dateTime.fits(TextNode.valueOf(text))).as("DateTime of '%s'", text).isEqualTo(expected);
            assertThat(dateTime64.fits(TextNode.valueOf(text))).as("DateTime64(3) of '%s'", text)
                    .isEqualTo(oracle(text.strip(), TemporalCheckKind.DATE_TIME64, 3));
            assertThat(dateTime64Nanos.fits(TextNode.valueOf(text))).as("DateTime64(9) of '%s'", text)
                    .isEqualTo(oracle(text.strip(), TemporalCheckKind.DATE_TIME64, 9));
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the mutations include readable texts").isGreaterThan(1_000);
    }

    @Test
    void dateTextsAreReadAsTheRegularExpressionReadThem() {
        TemporalCheck date = TemporalCheck.of("Date", "Date", ZONE);
        TemporalCheck date32 = TemporalCheck.of("Date32", "Date32", ZONE);
        for (String text : mutations(21, 20_000)) {
            assertThat(date.fits(TextNode.valueOf(text))).as("Date of '%s'", text)
                    .isEqualTo(dateOracle(text, LocalDate.of(1970, 1, 1), LocalDate.of(2149, 6, 6)));
            assertThat(date32.fits(TextNode.valueOf(text))).as("Date32 of '%s'", text)
                    .isEqualTo(dateOracle(text, LocalDate.of(1900, 1, 1), LocalDate.of(2299, 12, 31)));
        }
    }
}
