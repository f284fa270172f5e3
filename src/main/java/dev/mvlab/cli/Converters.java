package dev.mvlab.cli;

import dev.mvlab.generate.ActionWeights;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option value converters: durations like 90s or 10m, shares like 2% or 0.02, rates, weights, date-times. */
final class Converters {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Converters() {
    }

    /** {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT1M30S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            Matcher matcher = DURATION.matcher(text);
            if (matcher.matches()) {
                double amount = Double.parseDouble(matcher.group(1));
                double millis = switch (matcher.group(2)) {
                    case "ms" -> amount;
                    case "s" -> amount * 1000;
                    case "m" -> amount * 60_000;
                    case "h" -> amount * 3_600_000;
                    default -> amount * 86_400_000;
                };
                return Duration.ofMillis(Math.round(millis));
            }
            try {
                return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a duration such as 90s, 10m, 2h or 1d, got '" + value + "'");
            }
        }
    }

    /** {@code 2%} or {@code 0.02}. */
    static final class ShareConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.strip();
            try {
                double share = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                        : Double.parseDouble(text);
                if (share < 0 || share > 1) {
                    throw new TypeConversionException("a share lies between 0 and 1 (0% and 100%), got '" + value + "'");
                }
                return share;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a share such as 2% or 0.02, got '" + value + "'");
            }
        }
    }

    /** Events per second, or {@code unlimited} (0). */
    static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            if (text.equals("unlimited") || text.equals("max")) {
                return 0.0;
            }
            try {
                double rate = Double.parseDouble(text.endsWith("/s") ? text.substring(0, text.length() - 2) : text);
                if (rate <= 0) {
                    throw new TypeConversionException("the rate must be above 0 (or 'unlimited'), got '" + value + "'");
                }
                return rate;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected events per second such as 1000, or 'unlimited', got '"
                        + value + "'");
            }
        }
    }

    /** {@code view=65,cart=15,uncart=5,purchase=10,return=5}. */
    static final class WeightsConverter implements ITypeConverter<ActionWeights> {
        @Override
        public ActionWeights convert(String value) {
            try {
                return ActionWeights.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 2024-09-19T00:00:00}, {@code 2024-09-19 00:00:00} or {@code 2024-09-19}. */
    static final class DateTimeConverter implements ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String value) {
            String text = value.strip().replace(' ', 'T');
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date-time such as 2024-09-19T00:00:00, got '" + value
                        + "'");
            }
        }
    }
}
