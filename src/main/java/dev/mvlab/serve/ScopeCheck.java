package dev.mvlab.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from {@link QueryReads} (what ClickHouse says a query reads) whether a token may run it: 403 otherwise.
 * <ul>
 *   <li>a token with READ scopes reads its data sources and pipes in the project's database, nothing else: no other
 *   table, database or system table, no table function, no dictionary it has no scope on;</li>
 *   <li>the admin token reads anything in the project's database, and the table functions that read nothing
 *   ({@code numbers()} and the like);</li>
 *   <li>a pipe's {@code q} reads {@code _}, the pipe's result, only.</li>
 * </ul>
 * {@code system.one} (the one-row table behind {@code SELECT 1}) is allowed to all.
 */
final class ScopeCheck {
    private static final String ONE = dev.mvlab.clickhouse.ServerCatalog.ONE_ROW_TABLE;
    /** A name mvlab gives a table: the check on {@code db.name} is then exact (neither part holds a dot). */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Settings whose value is SQL that ClickHouse runs but does not show in the analysed tree. */
    private static final List<String> SQL_SETTINGS = List.of("additional_table_filters", "additional_result_filter");
    private static final Set<String> DATALESS_FUNCTIONS = Set.of("numbers", "numbers_mt", "zeros", "zeros_mt",
            "generate_series", "generateSeries", "values", "generateRandom", "null");

    private final String database;

    ScopeCheck(String database) {
        this.database = database;
    }

    /** For {@code /v0/sql}. */
    void requireReadable(Token token, QueryReads reads) {
        requireResolved(reads);
        if (token.admin()) {
            reads.tables().forEach(t -> require(t.equals(ONE) || inDatabase(t), token, t));
            reads.tableFunctions().forEach(f -> require(DATALESS_FUNCTIONS.contains(f), token, f + "()"));
            reads.lookups().forEach(l -> require(l != null && inDatabase(l), token, lookupName(l)));
            return;
        }
        requireNoSqlSettings(reads);
        List<String> readable = token.resources(TokenScope.READ).stream().map(r -> database + "." + r).toList();
        reads.tables().forEach(t -> require(t.equals(ONE) || readable.contains(t), token, t));
        reads.tableFunctions().forEach(f -> require(false, token, f + "()"));
        reads.lookups().forEach(l -> require(l != null && readable.contains(l), token, lookupName(l)));
    }

    /** For a pipe's {@code q}, analysed with {@code _} standing for a table-less query of the pipe's columns. */
    static void requireOnlyPipeResult(QueryReads reads) {
        requireResolved(reads);
        requireNoSqlSettings(reads);
        List<String> others = new ArrayList<>();
        reads.tables().stream().filter(t -> !t.equals(ONE)).forEach(others::add);
        reads.tableFunctions().forEach(f -> others.add(f + "()"));
        reads.lookups().forEach(l -> others.add(lookupName(l)));
        if (!others.isEmpty()) {
            throw new ApiException(403, "Forbidden: q may only select from _ (the pipe's result); it also reads "
                    + String.join(", ", others.stream().distinct().toList()));
        }
    }

    private boolean inDatabase(String qualified) {
        return qualified.startsWith(database + ".")
                && TABLE_NAME.matcher(qualified.substring(database.length() + 1)).matches();
    }

    private static void requireResolved(QueryReads reads) {
        if (reads.unresolved()) {
            throw new ApiException(403, "Forbidden: ClickHouse left a name of the query unresolved, so serve cannot "
                    + "tell what it reads");
        }
    }

    private static void requireNoSqlSettings(QueryReads reads) {
        for (String setting : SQL_SETTINGS) {
            if (reads.settings().stream().anyMatch(s -> s.contains(setting))) {
                throw new ApiException(403, "Forbidden: the setting " + setting + " runs SQL that serve cannot check; "
                        + "only the admin token may use it");
            }
        }
    }

    private static String lookupName(String lookup) {
        return lookup == null ? "a dictionary named by an expression" : "the dictionary " + lookup;
    }

    private static void require(boolean allowed, Token token, String what) {
        if (!allowed) {
            throw new ApiException(403, "Forbidden: the token '" + token.name() + "' may not read " + what);
        }
    }
}
