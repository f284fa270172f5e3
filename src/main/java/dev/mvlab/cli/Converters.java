package dev.mvlab.cli;

import dev.mvlab.generate.ActionWeights;
import dev.mvlab.units.Quantities;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Function;

/** Option value converters: durations like 90s or 10m, shares like 2% or 0.02, rates, weights, date-times. */
final class Converters {
    private Converters() {
    }

    /** A converter over a parser whose {@link IllegalArgumentException} says what is wrong with the value. */
    private abstract static class Parsed<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Parsed(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1.5h}, {@code 1d}, or ISO-8601 {@code PT1M30S}. */
    static final class DurationConverter extends Parsed<Duration> {
        DurationConverter() {
            super(Quantities::duration);
        }
    }

    /** {@code 2%} or {@code 0.02}. */
    static final class ShareConverter extends Parsed<Double> {
        ShareConverter() {
            super(Quantities::share);
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
    static final class WeightsConverter extends Parsed<ActionWeights> {
        WeightsConverter() {
            super(ActionWeights::parse);
        }
    }

    /** {@code 2024-09-19T00:00:00}, {@code 2024-09-19 00:00:00} or {@code 2024-09-19}. */
    static final class DateTimeConverter extends Parsed<LocalDateTime> {
        DateTimeConverter() {
            super(Quantities::dateTime);
        }
    }
}
