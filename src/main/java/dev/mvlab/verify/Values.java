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
     * A form in which equal values are {@code equals()}: whole numbers (and booleans, 0 and 1) as Long, or BigInteger
     * beyond the range of long; other numbers as normalised BigDecimals; instants for zoned times.
     */
    static Object canonical(Object value) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            return decimal == null ? Double.valueOf(number.doubleValue()) : normalise(decimal);
        }
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L; // ClickHouse's comparisons return UInt8; Bool is 0 or 1 too
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant(); // a DateTime inside SimpleAggregateFunction arrives zoned, a plain one not
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
        if (floating(a) || floating(b)) {
            return sameFloat(doubleOf(a), doubleOf(b), tolerance);
        }
        if (isLong(a) && isLong(b) && a.longValue() == b.longValue()) {
            return true;
        }
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        BigDecimal difference = x.subtract(y).abs();
        if (difference.signum() == 0) {
            return true;
        }
        Tolerance effective = tolerance.equals(Tolerance.DEFAULT) ? Tolerance.EXACT : tolerance;
        if (difference.compareTo(BigDecimal.valueOf(effective.absolute())) <= 0) {
            return true;
        }
        BigDecimal scale = x.abs().max(y.abs());
        return difference.compareTo(scale.multiply(BigDecimal.valueOf(effective.relative()))) <= 0;
    }

    private static boolean sameFloat(double x, double y, Tolerance tolerance) {
        if (x == y) {
            return true;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return false;
        }
        double difference = Math.abs(x - y);
        return difference <= tolerance.absolute()
                || difference <= tolerance.relative() * Math.max(Math.abs(x), Math.abs(y));
    }

    /** A Float as the decimal it prints as (0.1f is 0.1, not 0.10000000149), other numbers as they are. */
    private static double doubleOf(Number n) {
        return n instanceof Float f && !f.isNaN() && !f.isInfinite() ? Double.parseDouble(f.toString())
                : n.doubleValue();
    }

    private static boolean isLong(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
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

    /** Whole values as Long (or BigInteger beyond long), others stripped of trailing zeros. */
    private static Object normalise(BigDecimal d) {
        if (d.signum() == 0) {
            return 0L;
        }
        if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
            BigInteger whole = d.toBigIntegerExact();
            return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
        }
        return d.stripTrailingZeros();
    }
}
