package dev.mvlab.template;

/**
 * A number a type function returned ({@code Int32(limit, 10)}): written as {@code toInt32('10')}, used as a plain
 * number in arithmetic and comparisons (whose results lose the type, as in Tinybird).
 *
 * @param value      a {@link java.math.BigInteger} or a {@link Double}
 * @param clickHouse the ClickHouse type, e.g. {@code Int32}
 */
record TypedNumber(Number value, String clickHouse) {
}
