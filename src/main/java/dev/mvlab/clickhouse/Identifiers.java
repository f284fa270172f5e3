package dev.mvlab.clickhouse;

import dev.mvlab.sql.SqlLiterals;

/** Quoting of ClickHouse identifiers (the escaping itself is {@link SqlLiterals}'s, the one escaper). */
public final class Identifiers {
    private Identifiers() {
    }

    public static String quote(String name) {
        return SqlLiterals.identifier(name);
    }

    public static boolean isPlain(String name) {
        return SqlLiterals.isPlainName(name);
    }
}
