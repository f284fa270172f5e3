package dev.mvlab.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tinybird's {@code q=} on a pipe: a query that reads the endpoint's result as the table {@code _}. */
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
}
