package dev.mvlab.sql;

/** SQL literals written for ClickHouse: the one escaper of string values. */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /** A string literal: in single quotes, with backslashes and single quotes escaped, so it can never end early. */
    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
