package dev.mvlab.verify;

/**
 * How far two numbers may be apart and still count as equal: within {@code absolute}, or within {@code relative}
 * times the larger magnitude. {@link #DEFAULT} (a check that declares none) compares integers and decimals exactly
 * and floating-point values within a relative 1e-9, which absorbs the rounding of summing in another order.
 */
public record Tolerance(double absolute, double relative) {
    public static final Tolerance DEFAULT = new Tolerance(0, 1e-9);
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public Tolerance {
        if (absolute < 0 || relative < 0 || Double.isNaN(absolute) || Double.isNaN(relative)) {
            throw new IllegalArgumentException("a tolerance cannot be negative");
        }
    }

    @Override
    public String toString() {
        if (equals(DEFAULT)) {
            return "default (floats relative 1e-9)";
        }
        if (equals(EXACT)) {
            return "exact";
        }
        return (absolute > 0 ? "absolute " + absolute : "") + (absolute > 0 && relative > 0 ? ", " : "")
                + (relative > 0 ? "relative " + relative : "");
    }
}
