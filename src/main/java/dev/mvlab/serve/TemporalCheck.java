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
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})"
            + "(?::(\\d{2})(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern EPOCH_TEXT = Pattern.compile("^\\d{9,10}$");
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
        Matcher m = DATE.matcher(value.asText());
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
        String text = value.asText().strip();
        if (EPOCH_TEXT.matcher(text).matches()) {
            return inRange(Long.parseLong(text), 0);
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
                local = local.plusSeconds(hour * 3600L + minute * 60L + second); // :60 is the next minute
            }
            String offset = m.group(8);
            long epoch = offset == null ? local.atZone(zone).toEpochSecond()
                    : local.toEpochSecond(offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(colon(offset)));
            String fraction = m.group(7);
            return inRange(epoch, fraction == null ? 0 : Integer.parseInt((fraction.substring(1) + "00000000")
                    .substring(0, 9)));
        } catch (DateTimeException e) {
            return false;
        }
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

    private static String colon(String offset) {
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + precision + ", " + zone + ")";
    }
}
