package dev.mvlab.serve;

import dev.mvlab.sql.SqlLiterals;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tinybird's {@code q=} on a pipe: a query that reads the endpoint's result as the table {@code _}, and nothing else.
 * To check that, ClickHouse analyses {@code q} with {@code _} standing for a query that reads no table and gives the
 * endpoint's columns ({@link #standIn}); any table, table function or dictionary left in the analysis is {@code q}'s
 * own, and refused.
 */
final class PipeQueryOnTop {
    private static final Pattern LEADING_WITH = Pattern.compile("(?is)^\\s*WITH\\s");

    private PipeQueryOnTop() {
    }

    static String wrap(String endpointSql, String q) {
        String inner = "_ AS (\n" + endpointSql.strip() + "\n)";
        Matcher with = LEADING_WITH.matcher(q);
        if (with.find()) {
            return "WITH " + inner + ",\n" + q.substring(with.end());
        }
        return "WITH " + inner + "\n" + q.strip();
    }

    /** A SELECT without FROM of the endpoint's columns (name and ClickHouse type each), with default values. */
    static String standIn(List<String[]> columns) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        for (String[] column : columns) {
            select.add("defaultValueOfTypeName(" + SqlLiterals.string(column[1]) + ") AS "
                    + SqlLiterals.backquoted(column[0]));
        }
        return columns.isEmpty() ? "SELECT 1 AS `_` WHERE 0" : select.toString();
    }
}
