package dev.mvlab.clickhouse;

import java.util.regex.Pattern;

/** Quoting of ClickHouse identifiers: plain names stay bare, anything else is backquoted and escaped. */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {
    }

    public static String quote(String name) {
        if (PLAIN.matcher(name).matches()) {
            return name;
        }
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    public static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches();
    }
}
