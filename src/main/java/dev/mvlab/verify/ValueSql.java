package dev.mvlab.verify;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL that decides on the server whether two values of a check are the same, chosen by their ClickHouse types:
 * ClickHouse compares its own types by value (a Tuple, Array or Map element by element, a DateTime64 as an instant
 * whatever its zone, UUID, IPv4/6, Decimal of any scale against integers), so nothing depends on how a client
 * library represents them. NULL equals only NULL; numbers follow the check's {@link Tolerance}: floats (and a float
 * against any number) within it, integers and decimals exactly unless a tolerance is declared.
 */
final class ValueSql {
    private static final Pattern WRAPPER = Pattern.compile("^(?:LowCardinality|Nullable)\\((.*)\\)$");
    private static final Pattern DECIMAL = Pattern.compile("^Decimal(?:32|64|128|256)?\\((?:\\d+\\s*,\\s*)?(\\d+)\\)$");

    private ValueSql() {
    }

    /** A UInt8 expression, 1 when {@code a} (of type {@code typeA}) and {@code b} count as the same value. */
    static String same(String a, String typeA, String b, String typeB, Tolerance tolerance) {
        String baseA = base(typeA);
        String baseB = base(typeB);
        String compare;
        if (numeric(baseA) && numeric(baseB)) {
            compare = floating(baseA) || floating(baseB)
                    ? sameFloat(asDouble(a, baseA), asDouble(b, baseB), tolerance)
                    : sameExact(a, baseA, b, baseB, tolerance.equals(Tolerance.DEFAULT) ? Tolerance.EXACT : tolerance);
        } else if (baseA.startsWith("Enum") || baseB.startsWith("Enum") || text(baseA) != text(baseB)) {
            // an Enum by its name; a String against another type (UUID, IP, date) by the other's text
            compare = "toString(" + a + ") = toString(" + b + ")";
        } else if (baseA.equals(baseB) && composite(baseA)) {
            // the same composite type: its text is canonical, and NULLs inside compare equal (tuple = tuple is NULL)
            compare = text(a, baseA) + " = " + text(b, baseB);
        } else {
            compare = a + " = " + b;
        }
        if (!nullable(typeA) && !nullable(typeB)) {
            return "ifNull(" + compare + ", 0)";
        }
        return "if(isNull(" + a + ") OR isNull(" + b + "), isNull(" + a + ") AND isNull(" + b + "), ifNull(" + compare
                + ", 0))";
    }

    /** Whether a value of this type comes back to Java as a plain number, string or date (else: as its text). */
    static boolean plain(String type) {
        String base = base(type);
        return numeric(base) || base.equals("String") || base.startsWith("FixedString") || base.equals("Date")
                || base.equals("Date32");
    }

    private static String sameFloat(String x, String y, Tolerance tolerance) {
        return "(" + x + " = " + y + " OR (isNaN(" + x + ") AND isNaN(" + y + ")) OR (isFinite(" + x + ") AND isFinite("
                + y + ") AND (abs(" + x + " - " + y + ") <= " + number(tolerance.absolute()) + " OR abs(" + x + " - "
                + y + ") <= " + number(tolerance.relative()) + " * greatest(abs(" + x + "), abs(" + y + ")))))";
    }

    /** Integers and decimals: exact, or within a declared tolerance computed in decimals (no float rounding). */
    private static String sameExact(String a, String baseA, String b, String baseB, Tolerance tolerance) {
        if (tolerance.equals(Tolerance.EXACT)) {
            return a + " = " + b;
        }
        BigDecimal absolute = new BigDecimal(number(tolerance.absolute()));
        int scale = Math.min(30, Math.max(Math.max(scale(baseA), scale(baseB)), Math.max(0, absolute.scale())));
        String difference = "abs(toDecimal256(" + a + ", " + scale + ") - toDecimal256(" + b + ", " + scale + "))";
        return "(" + a + " = " + b + " OR " + difference + " <= toDecimal256('" + absolute.toPlainString() + "', "
                + scale + ") OR abs(toFloat64(" + a + ") - toFloat64(" + b + ")) <= " + number(tolerance.relative())
                + " * greatest(abs(toFloat64(" + a + ")), abs(toFloat64(" + b + "))))";
    }

    /** A Float32 as the decimal it prints as (0.1, not 0.10000000149), other numbers as they are. */
    private static String asDouble(String value, String base) {
        return base.equals("Float32") || base.equals("BFloat16") ? "toFloat64(toString(" + value + "))"
                : "toFloat64(" + value + ")";
    }

    private static boolean text(String base) {
        return base.equals("String") || base.startsWith("FixedString(");
    }

    private static String text(String value, String base) {
        return base.startsWith("Map(") ? "toString(mapSort(" + value + "))" : "toString(" + value + ")";
    }

    /** The type without LowCardinality(...) and Nullable(...) around it. */
    static String base(String type) {
        String current = type.strip();
        for (Matcher m = WRAPPER.matcher(current); m.matches(); m = WRAPPER.matcher(current)) {
            current = m.group(1).strip();
        }
        return current;
    }

    private static boolean nullable(String type) {
        String t = type.strip();
        return t.startsWith("Nullable(") || t.startsWith("LowCardinality(Nullable(") || t.equals("Nothing");
    }

    private static boolean numeric(String base) {
        return base.matches("U?Int(8|16|32|64|128|256)") || floating(base) || base.equals("Bool")
                || DECIMAL.matcher(base).matches();
    }

    private static boolean floating(String base) {
        return base.equals("Float32") || base.equals("Float64") || base.equals("BFloat16");
    }

    private static boolean composite(String base) {
        return base.startsWith("Tuple(") || base.startsWith("Array(") || base.startsWith("Map(")
                || base.startsWith("Nested(");
    }

    private static int scale(String base) {
        Matcher m = DECIMAL.matcher(base);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
