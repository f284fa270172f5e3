package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a JSON value fits a ClickHouse column type, decided before the row is sent, so that a row that does not fit
 * goes to quarantine instead of being stored as the type's default (which is what {@code JSONExtract} would do).
 * A type is compiled once ({@link #of}); types it does not know (Map, Tuple, JSON ...) are left to ClickHouse.
 */
abstract class ValueCheck {
    private static final Pattern WRAPPED = Pattern.compile("(?i)^(Nullable|LowCardinality|Array)\\((.*)\\)$");
    private static final Pattern INTEGER_TYPE = Pattern.compile("(?i)^(U?)Int(8|16|32|64|128|256)$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d+$");

    final String type;

    private ValueCheck(String type) {
        this.type = type;
    }

    /** True when a present, non-null value fits. */
    abstract boolean fits(JsonNode value);

    boolean nullable() {
        return false;
    }

    /**
     * Null when {@code value} fits, else the reason, Tinybird-style ({@code value 'x' on column 'c' is not Float64}).
     * {@code value} is null when the path is absent: absent values take the column's default.
     */
    String problem(String column, JsonNode value, boolean hasDefault) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isNull()) {
            return nullable() || hasDefault ? null : "value null on column '" + column + "' is not Nullable(" + type
                    + ")";
        }
        return fits(value) ? null : not(value, column, type);
    }

    static ValueCheck of(String declared) {
        String type = declared.strip();
        Matcher wrapped = WRAPPED.matcher(type);
        if (wrapped.matches()) {
            ValueCheck inner = of(wrapped.group(2));
            return switch (wrapped.group(1).toLowerCase(Locale.ROOT)) {
                case "nullable" -> new ValueCheck(inner.type) { // Tinybird names the inner type
                    @Override
                    boolean fits(JsonNode value) {
                        return inner.fits(value);
                    }

                    @Override
                    boolean nullable() {
                        return true;
                    }
                };
                case "lowcardinality" -> inner;
                default -> new ValueCheck(type) {
                    @Override
                    boolean fits(JsonNode value) {
                        if (!value.isArray()) {
                            return false;
                        }
                        for (JsonNode item : value) {
                            if (item.isNull() ? !inner.nullable() : !inner.fits(item)) {
                                return false;
                            }
                        }
                        return true;
                    }
                };
            };
        }
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')).strip() : type;
        Matcher integer = INTEGER_TYPE.matcher(base);
        if (integer.matches()) {
            boolean signed = integer.group(1).isEmpty();
            int bits = Integer.parseInt(integer.group(2));
            return check(type, v -> fitsInteger(v, signed, bits));
        }
        return switch (base) {
            case "Float32", "Float64", "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256" ->
                    check(type, ValueCheck::isNumber);
            case "Bool", "Boolean" -> check(type, v -> v.isBoolean() || v.isIntegralNumber() && v.asLong() >= 0
                    && v.asLong() <= 1);
            case "Date", "Date32", "DateTime", "DateTime64" -> check(type, ValueCheck::isDate);
            case "String", "FixedString", "UUID", "Enum8", "Enum16", "IPv4", "IPv6" -> check(type, JsonNode::isValueNode);
            default -> check(type, v -> true);
        };
    }

    private static ValueCheck check(String type, java.util.function.Predicate<JsonNode> test) {
        return new ValueCheck(type) {
            @Override
            boolean fits(JsonNode value) {
                return test.test(value);
            }
        };
    }

    private static boolean fitsInteger(JsonNode value, boolean signed, int bits) {
        if (value.canConvertToLong() && value.isIntegralNumber() && bits < 64) {
            long v = value.asLong();
            long min = signed ? -(1L << (bits - 1)) : 0;
            long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
            return v >= min && v <= max;
        }
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isTextual() && INTEGER.matcher(value.asText().strip()).matches()) {
            number = new BigInteger(value.asText().strip());
        } else {
            return false;
        }
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }

    private static boolean isNumber(JsonNode value) {
        if (value.isNumber()) {
            return true;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(value.asText().strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** ISO-8601 dates and date-times (T or space, seconds, fractions, Z or an offset), or a Unix timestamp. */
    private static boolean isDate(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong() >= 0;
        }
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText().strip();
        if (INTEGER.matcher(text).matches()) {
            return !text.startsWith("-");
        }
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return false;
        }
        return m.group(2) == null || Integer.parseInt(m.group(2)) < 24 && Integer.parseInt(m.group(3)) < 60
                && (m.group(4) == null || Integer.parseInt(m.group(4)) < 61);
    }

    private static String not(JsonNode value, String column, String type) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (text.length() > 100) {
            text = text.substring(0, 100) + "...";
        }
        return "value '" + text + "' on column '" + column + "' is not " + type;
    }
}
