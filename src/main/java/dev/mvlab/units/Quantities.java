package dev.mvlab.units;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations, shares and date-times as a user writes them. A value that does not parse is an
 * {@link IllegalArgumentException} whose message says what was expected and quotes the value; callers add where it
 * came from (an option, a manifest key).
 */
public final class Quantities {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");
    /** Beyond this many milliseconds a duration no longer fits a {@code long}: refused rather than cut. */
    private static final double MAX_MILLIS = 9.2e18;

    private Quantities() {
    }

    /**
     * {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1.5h}, {@code 1d} (any case; a bare number is seconds), or
     * ISO-8601 {@code PT1M30S}.
     */
    public static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = DURATION.matcher(value);
        if (matcher.matches()) {
            double amount = Double.parseDouble(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            if (millis > MAX_MILLIS) {
                throw new IllegalArgumentException("'" + text + "' is too long a duration");
            }
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (duration.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is a negative duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 90s, 10m, 1.5h or 1d");
        }
    }

    /** A share of a whole: {@code 2%} or {@code 0.02}, between 0 and 1 (0% and 100%). */
    public static double share(String text) {
        String value = text.strip();
        double share;
        try {
            share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a share such as 0.05 or 5%");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share lies between 0 and 1 (0% and 100%), got '" + text + "'");
        }
        return share;
    }

    /** {@code 2024-09-19T06:00:00}, {@code 2024-09-19 06:00:00} or a date, {@code 2024-09-19} (its midnight). */
    public static LocalDateTime dateTime(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date or date-time such as 2024-09-19 06:00:00");
        }
    }
}
