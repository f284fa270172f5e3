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
 * Types it does not know (Map, Tuple, JSON ...) are left to ClickHouse.
 */
final class ValueCheck {
    private static final Pattern WRAPPED = Pattern.compile("(?i)^(Nullable|LowCardinality|Array)\\((.*)\\)$");
    private static final Pattern INTEGER_TYPE = Pattern.compile("(?i)^(U?)Int(8|16|32|64|128|256)$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d+$");

    private ValueCheck() {
    }

    /**
     * Null when {@code value} fits {@code type}, else the reason, Tinybird-style ({@code value 'x' on column 'c' is
     * not Float64}). {@code value} is null when the path is absent: absent values take the column's default.
     */
    static String problem(String column, String type, JsonNode value, boolean hasDefault) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        return check(column, type.strip(), value, hasDefault);
    }

    private static String check(String column, String type, JsonNode value, boolean hasDefault) {
        Matcher wrapped = WRAPPED.matcher(type);
        if (wrapped.matches()) {
            String inner = wrapped.group(2).strip();
            switch (wrapped.group(1).toLowerCase(Locale.ROOT)) {
                case "nullable":
                    return value.isNull() ? null : check(column, inner, value, hasDefault);
                case "lowcardinality":
                    return check(column, inner, value, hasDefault);
                default:
                    if (!value.isArray()) {
                        return not(value, column, type);
                    }
                    for (JsonNode item : value) {
                        String problem = check(column, inner, item, false);
                        if (problem != null) {
                            return problem;
                        }
                    }
                    return null;
            }
        }
        if (value.isNull()) {
            return hasDefault ? null : "value null on column '" + column + "' is not Nullable(" + type + ")";
        }
        String base = type.replaceAll("\\(.*", "").strip();
        Matcher integer = INTEGER_TYPE.matcher(base);
        if (integer.matches()) {
            return fitsInteger(value, integer.group(1).isEmpty(), Integer.parseInt(integer.group(2)))
                    ? null : not(value, column, type);
        }
        return switch (base) {
            case "Float32", "Float64", "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256" ->
                    isNumber(value) ? null : not(value, column, type);
            case "Bool", "Boolean" -> value.isBoolean() || value.isIntegralNumber() && value.asLong() >= 0
                    && value.asLong() <= 1 ? null : not(value, column, type);
            case "Date", "Date32", "DateTime", "DateTime64" -> isDate(value) ? null : not(value, column, type);
            case "String", "FixedString", "UUID", "Enum8", "Enum16", "IPv4", "IPv6" ->
                    value.isValueNode() ? null : not(value, column, type);
            default -> null;
        };
    }

    private static boolean fitsInteger(JsonNode value, boolean signed, int bits) {
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
        if (!value.isTextual()) {
            return false;
        }
        try {
            Double.parseDouble(value.asText().strip());
            return !value.asText().isBlank();
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
