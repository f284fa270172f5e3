package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a JSON value lands in a Date, Date32, DateTime or DateTime64 column as the instant it says, read the way
 * ClickHouse 26.7's {@code JSONExtract} reads it (measured on the engine): a value it cannot read is stored as
 * 1970-01-01, and one outside the type's range is clamped to the range's end. Both are refused here.
 * <ul>
 *   <li>Date (1970-01-01 to 2149-06-06) and Date32 (1900-01-01 to 2299-12-31): text {@code YYYY-MM-DD} only; a
 *       number or a date-time text is not read as a date.</li>
 *   <li>DateTime (1970-01-01 00:00:00 to 2106-02-07 06:28:15 UTC): a whole number of Unix seconds, text of 9 or 10
 *       digits (Unix seconds), or an ISO date or date-time (T or space, fractions, Z or an offset; without one, in the
 *       column's time zone, else the server's). A number with a fraction is not read.</li>
 *   <li>DateTime64(p) (1900-01-01 00:00:00 to 2299-12-31 23:59:59.9..., and for p = 9 no later than
 *       2262-04-11 23:47:16.854775807 UTC): as DateTime, except that a whole number counts ticks of 10^-p seconds and
 *       a number with a fraction counts seconds.</li>
 * </ul>
 */
final class TemporalCheck {
    private static final Pattern ZONE = Pattern.compile("'([^']*)'");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private enum Kind { DATE, DATE32, DATE_TIME, DATE_TIME64 }

    private final Kind kind;
    private final int precision;
    private final ZoneId zone;

    private TemporalCheck(Kind kind, int precision, ZoneId zone) {
        this.kind = kind;
        this.precision = precision;
        this.zone = zone;
    }

    /** The check of a temporal type ({@code base} is the name before its arguments); null when not temporal. */
    static TemporalCheck of(String base, String type, ZoneId serverZone) {
        String arguments = type.contains("(") ? type.substring(type.indexOf('(') + 1, type.lastIndexOf(')')) : "";
        Matcher zoneName = ZONE.matcher(arguments);
        ZoneId zone = serverZone;
        if (zoneName.find()) {
            try {
                zone = ZoneId.of(zoneName.group(1));
            } catch (DateTimeException e) {
                zone = serverZone; // a zone ClickHouse knows and Java does not: the server's is the best guess
            }
        }
        return switch (base) {
            case "Date" -> new TemporalCheck(Kind.DATE, 0, zone);
            case "Date32" -> new TemporalCheck(Kind.DATE32, 0, zone);
            case "DateTime" -> new TemporalCheck(Kind.DATE_TIME, 0, zone);
            case "DateTime64" -> new TemporalCheck(Kind.DATE_TIME64, precision(arguments), zone);
            default -> null;
        };
    }

    private static int precision(String arguments) {
        String first = arguments.split(",")[0].strip();
        try {
            return first.isEmpty() ? 3 : Integer.parseInt(first);
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    boolean fits(JsonNode value) {
        return switch (kind) {
            case DATE -> date(value, LocalDate.of(1970, 1, 1), LocalDate.of(2149, 6, 6));
            case DATE32 -> date(value, LocalDate.of(1900, 1, 1), LocalDate.of(2299, 12, 31));
            case DATE_TIME, DATE_TIME64 -> dateTime(value);
        };
    }

    private static boolean date(JsonNode value, LocalDate min, LocalDate max) {
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText();
        if (text.length() != 10 || !isDate(text)) {
            return false;
        }
        try {
            LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            return !date.isBefore(min) && !date.isAfter(max);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private boolean dateTime(JsonNode value) {
        if (value.isIntegralNumber()) {
            BigDecimal seconds = kind == Kind.DATE_TIME ? new BigDecimal(value.bigIntegerValue())
                    : new BigDecimal(value.bigIntegerValue(), precision);
            return inRange(seconds);
        }
        if (value.isNumber()) {
            return kind == Kind.DATE_TIME64 && inRange(value.decimalValue());
        }
        if (!value.isTextual()) {
            return false;
        }
        return dateTimeText(value.asText().strip());
    }

    /**
     * A date-time text: 9 or 10 digits (Unix seconds), or {@code YYYY-MM-DD[(T| )hh:mm[:ss[.f{1,9}]]][Z|(+|-)hh[:]mm]}.
     * Read by hand, not by a regular expression: this runs for every row of every Events API post, and a matcher,
     * its groups and their strings were a third of what the API allocated under batch posts (JFR).
     */
    private boolean dateTimeText(String text) {
        int n = text.length();
        if ((n == 9 || n == 10) && digits(text, 0, n)) {
            return inRange(Long.parseLong(text), 0);
        }
        if (n < 10 || !isDate(text)) {
            return false;
        }
        int at = 10;
        int hour = -1;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        if (at < n && (text.charAt(at) == 'T' || text.charAt(at) == ' ')) {
            if (at + 6 > n || !digits(text, at + 1, at + 3) || text.charAt(at + 3) != ':'
                    || !digits(text, at + 4, at + 6)) {
                return false;
            }
            hour = number(text, at + 1, at + 3);
            minute = number(text, at + 4, at + 6);
            at += 6;
            if (at < n && text.charAt(at) == ':') {
                if (at + 3 > n || !digits(text, at + 1, at + 3)) {
                    return false;
                }
                second = number(text, at + 1, at + 3);
                at += 3;
                if (at < n && text.charAt(at) == '.') {
                    int end = at + 1;
                    while (end < n && end - at - 1 < 9 && isDigit(text.charAt(end))) {
                        end++;
                    }
                    if (end == at + 1) {
                        return false;
                    }
                    nanos = number(text, at + 1, end);
                    for (int d = end - at - 1; d < 9; d++) {
                        nanos *= 10;
                    }
                    at = end;
                }
            }
        }
        ZoneOffset offset = null;
        if (at < n) {
            char sign = text.charAt(at);
            int rest = n - at - 1;
            if (sign == 'Z' && rest == 0) {
                offset = ZoneOffset.UTC;
            } else if ((sign == '+' || sign == '-') && (rest == 4 && digits(text, at + 1, n)
                    || rest == 5 && digits(text, at + 1, at + 3) && text.charAt(at + 3) == ':'
                    && digits(text, at + 4, n))) {
                int hours = number(text, at + 1, at + 3);
                int minutes = number(text, n - 2, n);
                try {
                    offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                            : ZoneOffset.ofHoursMinutes(-hours, -minutes);
                } catch (DateTimeException e) {
                    return false;
                }
            } else {
                return false;
            }
        }
        try {
            LocalDateTime local = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10))
                    .atStartOfDay();
            if (hour >= 0) {
                if (hour > 23 || minute > 59 || second > 60) {
                    return false;
                }
                local = local.plusSeconds(hour * 3600L + minute * 60L + second); // :60 is the next minute
            }
            long epoch = offset == null ? local.atZone(zone).toEpochSecond() : local.toEpochSecond(offset);
            return inRange(epoch, nanos);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code YYYY-MM-DD} at the start of the text. */
    private static boolean isDate(String text) {
        return digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7) && text.charAt(7) == '-'
                && digits(text, 8, 10);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The digits (checked already) from {@code from} to {@code to} as a number. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** Whole seconds and nanoseconds (0 to 999,999,999) since the epoch: the common case, without BigDecimal. */
    private boolean inRange(long seconds, int nanos) {
        if (kind == Kind.DATE_TIME) { // a fraction is dropped
            return seconds >= 0 && seconds <= 4294967295L;
        }
        // 1900-01-01 00:00:00 UTC, up to 2300-01-01 00:00:00 UTC, and Int64 nanoseconds for DateTime64(9)
        return seconds >= -2208988800L && seconds < 10413792000L
                && (precision < 9 || seconds < 9223372036L || seconds == 9223372036L && nanos <= 854775807);
    }

    private boolean inRange(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
            return false;
        }
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        return inRange(whole.longValueExact(), nanos);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + precision + ", " + zone + ")";
    }
}
