package dev.mvlab.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Equality of values as two different queries return them: the same number may come back as a Long from one side
 * and a BigInteger (UInt64), BigDecimal (Decimal) or Double from the other.
 */
final class Values {
    private Values() {
    }

    /**
     * A form in which equal values are {@code equals()}: numbers and booleans as normalised BigDecimals, instants for
     * zoned times.
     */
    static Object canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            return decimal == null ? Double.valueOf(number.doubleValue()) : normalise(decimal);
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO; // ClickHouse's comparisons return UInt8, Bool is 0/1 too
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return value;
    }

    /** Whether two values count as equal: NULL only equals NULL, numbers within the tolerance, the rest exactly. */
    static boolean same(Object mv, Object raw, Tolerance tolerance) {
        if (mv == null || raw == null) {
            return mv == raw;
        }
        if (mv instanceof Number a && raw instanceof Number b) {
            return sameNumber(a, b, tolerance);
        }
        return Objects.equals(canonical(mv), canonical(raw));
    }

    private static boolean sameNumber(Number a, Number b, Tolerance tolerance) {
        boolean floating = floating(a) || floating(b);
        if (floating) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return x == y;
            }
        }
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        BigDecimal difference = x.subtract(y).abs();
        if (difference.signum() == 0) {
            return true;
        }
        Tolerance effective = tolerance.equals(Tolerance.DEFAULT) && !floating ? Tolerance.EXACT : tolerance;
        if (difference.compareTo(BigDecimal.valueOf(effective.absolute())) <= 0) {
            return true;
        }
        BigDecimal scale = x.abs().max(y.abs());
        return difference.compareTo(scale.multiply(BigDecimal.valueOf(effective.relative()))) <= 0;
    }

    private static boolean floating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    /** The exact decimal value, or null for NaN and infinities. */
    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : new BigDecimal(Float.toString(f));
        }
        if (n instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.toString());
    }

    private static BigDecimal normalise(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
