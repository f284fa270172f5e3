package dev.mvlab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floats as ClickHouse prints them: the shortest digits that read back as the same value, in plain notation for
 * decimal exponents from -6 to 21 and as {@code 1e21}, {@code 2.5e-10} beyond, {@code inf} and {@code nan}.
 */
final class FloatText {
    private FloatText() {
    }

    static String of(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return layout(rounded);
            }
        }
        return layout(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    static String of(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
            return of((double) value);
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == value) {
                return layout(rounded);
            }
        }
        return layout(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }

    /** digits d1..dk with the value d1.d2..dk x 10^(n-1), laid out as ECMAScript's Number.toString does. */
    private static String layout(BigDecimal rounded) {
        BigDecimal stripped = rounded.stripTrailingZeros();
        String sign = stripped.signum() < 0 ? "-" : "";
        String digits = stripped.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - stripped.scale();
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (n - 1);
    }
}
