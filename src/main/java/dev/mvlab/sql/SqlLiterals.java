package dev.mvlab.sql;

import java.util.regex.Pattern;

/** SQL text written for ClickHouse: the one escaper of string values and of names. */
public final class SqlLiterals {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SqlLiterals() {
    }

    /** A string literal: in single quotes, with backslashes and single quotes escaped, so it can never end early. */
    public static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A name as ClickHouse reads it: a plain name stays bare, anything else is backquoted and escaped. */
    public static String identifier(String name) {
        return isPlainName(name) ? name : backquoted(name);
    }

    /** A name always in backquotes, with backslashes and backquotes escaped. */
    public static String backquoted(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** Whether a name needs no quotes: a letter or underscore, then letters, digits and underscores. */
    public static boolean isPlainName(String name) {
        return PLAIN_NAME.matcher(name).matches();
    }
}
