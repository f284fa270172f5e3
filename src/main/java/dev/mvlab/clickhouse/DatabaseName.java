package dev.mvlab.clickhouse;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names mvlab accepts for a database it connects to, creates or drops: letters, digits, {@code _} and {@code -},
 * starting with a letter or {@code _}. A name is never pasted into a URL or SQL (it travels as the client's
 * {@code database} property and is quoted in SQL), and ClickHouse's own databases are never a target.
 */
public final class DatabaseName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,191}");
    private static final Set<String> RESERVED = Set.of("system", "information_schema", "INFORMATION_SCHEMA");

    private DatabaseName() {
    }

    /** The name itself when mvlab may use it; otherwise a usage error (exit 2) saying why. */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new MvlabException(ExitCode.USAGE, "invalid database name " + visible(name)
                    + ": use letters, digits, _ and -, starting with a letter or _",
                    "for example -d mvlab or -d scratch_2");
        }
        if (RESERVED.contains(name) || name.equalsIgnoreCase("information_schema")) {
            throw new MvlabException(ExitCode.USAGE, "database '" + name + "' belongs to ClickHouse itself; mvlab "
                    + "never works in it", "choose a database of your own, e.g. -d mvlab (read system tables with "
                    + "qualified names: SELECT ... FROM system.tables)");
        }
        return name;
    }

    private static String visible(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder("'");
        name.codePoints().limit(80).forEach(c -> text.append(c < 0x20 || c == 0x7f
                ? String.format("\\x%02x", c) : Character.toString(c)));
        return text.append(name.length() > 80 ? "...'" : "'").toString();
    }
}
