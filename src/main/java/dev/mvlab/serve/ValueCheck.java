package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a JSON value lands in a ClickHouse column as what it says, decided before the row is sent, so that a row
 * that does not fit goes to quarantine instead of being stored as the type's default or a clamped value (which is
 * what {@code JSONExtract} does), or failing the whole insert (an unknown Enum name, a Decimal overflow). The rules
 * follow what ClickHouse 26.7 reads, measured on the engine; where it reads a form in a surprising way (a number as
 * a Date, text with spaces around a number), the form is refused. A type is compiled once ({@link #of}); types it
 * does not know (Map, Tuple, JSON ...) are left to ClickHouse. Dates and times: {@link TemporalCheck}.
 */
abstract class ValueCheck {
    private static final Pattern WRAPPED = Pattern.compile("(?i)^(Nullable|LowCardinality|Array)\\((.*)\\)$");
    private static final Pattern INTEGER_TYPE = Pattern.compile("(?i)^(U?)Int(8|16|32|64|128|256)$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d+$");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");
    private static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})$");
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    /** Text Java parses as an IPv6 literal, never looked up in DNS: it starts with a hex digit or ':' and has a ':'. */
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:][0-9a-fA-F.]*:[0-9a-fA-F:.]*$");
    private static final Pattern ENUM_ITEM = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*=\\s*(-?\\d+)");

    final String type;

    private ValueCheck(String type) {
        this.type = type;
    }

    /** True when a present, non-null value fits. */
    abstract boolean fits(JsonNode value);

    boolean nullable() {
        return false;
    }

    /** True when every object and array fits (stored as its JSON text): the check needs no look inside. */
    boolean takesAnyContainer() {
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

    /** The check of a column type; {@code serverZone} reads date-times without a zone of their own. */
    static ValueCheck of(String declared, ZoneId serverZone) {
        String type = declared.strip();
        Matcher wrapped = WRAPPED.matcher(type);
        if (wrapped.matches()) {
            ValueCheck inner = of(wrapped.group(2), serverZone);
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

                    @Override
                    boolean takesAnyContainer() {
                        return inner.takesAnyContainer();
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
        TemporalCheck temporal = TemporalCheck.of(base, type, serverZone);
        if (temporal != null) {
            return check(type, temporal::fits);
        }
        return switch (base) {
            case "Float32" -> check(type, v -> Float.isFinite((float) number(v)));
            case "Float64" -> check(type, v -> Double.isFinite(number(v)));
            case "Decimal", "Decimal32", "Decimal64", "Decimal128", "Decimal256" -> decimal(type, base);
            case "Bool", "Boolean" -> check(type, v -> v.isBoolean() || v.isIntegralNumber() && v.asLong() >= 0
                    && v.asLong() <= 1);
            // an object or an array lands as its JSON text, as in Tinybird (ClickHouse's JSONExtract gives it)
            case "String" -> anyContainer(type, v -> v.isValueNode() || v.isContainerNode());
            case "FixedString" -> fixedString(type);
            case "UUID" -> check(type, v -> v.isTextual() && UUID.matcher(v.asText()).matches());
            case "IPv4" -> check(type, v -> v.isTextual() && IPV4.matcher(v.asText()).matches());
            case "IPv6" -> check(type, v -> v.isTextual() && isIpv6(v.asText()));
            case "Enum", "Enum8", "Enum16" -> enumCheck(type);
            default -> anyContainer(type, v -> true);
        };
    }

    private static ValueCheck anyContainer(String type, Predicate<JsonNode> test) {
        return new ValueCheck(type) {
            @Override
            boolean fits(JsonNode value) {
                return test.test(value);
            }

            @Override
            boolean takesAnyContainer() {
                return true;
            }
        };
    }

    private static ValueCheck check(String type, Predicate<JsonNode> test) {
        return new ValueCheck(type) {
            @Override
            boolean fits(JsonNode value) {
                return test.test(value);
            }
        };
    }

    /**
     * A JSON number or a number's text ClickHouse reads (no spaces, no hex, no inf/nan words) as a double; NaN when
     * the value is neither.
     */
    private static double number(JsonNode value) {
        if (value.isNumber()) {
            return value.isBigDecimal() ? Double.parseDouble(value.decimalValue().toString()) : value.doubleValue();
        }
        if (value.isTextual() && DECIMAL_TEXT.matcher(value.asText()).matches()) {
            return Double.parseDouble(value.asText());
        }
        return Double.NaN;
    }

    /** Decimal(P, S) holds less than 10^(P-S) in absolute value; more fails the whole insert or stores 0. */
    private static ValueCheck decimal(String type, String base) {
        String[] args = arguments(type).split(",");
        int precision = switch (base) {
            case "Decimal32" -> 9;
            case "Decimal64" -> 18;
            case "Decimal128" -> 38;
            case "Decimal256" -> 76;
            default -> args[0].isBlank() ? 10 : Integer.parseInt(args[0].strip());
        };
        int scale = base.equals("Decimal") ? (args.length > 1 ? Integer.parseInt(args[1].strip()) : 0)
                : args[0].isBlank() ? 0 : Integer.parseInt(args[0].strip());
        BigDecimal limit = BigDecimal.ONE.scaleByPowerOfTen(precision - scale);
        return check(type, v -> {
            BigDecimal d;
            if (v.isNumber()) {
                d = v.decimalValue();
            } else if (v.isTextual() && DECIMAL_TEXT.matcher(v.asText()).matches()) {
                d = new BigDecimal(v.asText());
            } else {
                return false;
            }
            return d.abs().compareTo(limit) < 0;
        });
    }

    /** FixedString(N) takes text of at most N bytes; longer text is stored empty. */
    private static ValueCheck fixedString(String type) {
        int bytes = Integer.parseInt(arguments(type).strip());
        return check(type, v -> v.isValueNode() && text(v).getBytes(StandardCharsets.UTF_8).length <= bytes);
    }

    /** An Enum takes one of its names, or a whole number that is one of its values; anything else fails the insert. */
    private static ValueCheck enumCheck(String type) {
        Set<String> names = new HashSet<>();
        Set<Long> values = new HashSet<>();
        Matcher m = ENUM_ITEM.matcher(arguments(type));
        while (m.find()) {
            names.add(m.group(1).replace("\\'", "'").replace("\\\\", "\\"));
            values.add(Long.parseLong(m.group(2)));
        }
        return check(type, v -> v.isTextual() ? names.contains(v.asText())
                : v.isIntegralNumber() && v.canConvertToLong() && values.contains(v.asLong()));
    }

    private static String arguments(String type) {
        int open = type.indexOf('(');
        return open < 0 ? "" : type.substring(open + 1, type.lastIndexOf(')'));
    }

    private static boolean isIpv6(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(text) != null; // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean fitsInteger(JsonNode value, boolean signed, int bits) {
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isTextual() && INTEGER.matcher(value.asText()).matches()) {
            number = new BigInteger(value.asText());
        } else {
            return false;
        }
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String not(JsonNode value, String column, String type) {
        String text = value.isTextual() ? value.asText() : value.toString();
        if (text.length() > 100) {
            text = text.substring(0, 100) + "...";
        }
        return "value '" + text + "' on column '" + column + "' is not " + type;
    }
}
