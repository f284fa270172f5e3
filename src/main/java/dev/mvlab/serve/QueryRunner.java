package dev.mvlab.serve;

import dev.mvlab.engine.HttpQueries;
import dev.mvlab.engine.QueryParameters;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs read-only queries on ClickHouse's HTTP interface and passes its output on untouched: ClickHouse's JSON format
 * is Tinybird's response shape ({@code meta}, {@code data}, {@code rows}, {@code rows_before_limit_at_least},
 * {@code statistics}). Every query runs with {@code readonly=2}, so nothing that reaches it can write.
 */
public final class QueryRunner {
    private static final Pattern TRAILING_FORMAT = Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
    private static final Pattern LEADING = Pattern.compile("(?is)^(\\s|--[^\\n]*\\n|/\\*.*?\\*/|\\()*([A-Za-z]+)");
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH");
    /** ClickHouse codes that mean "not allowed" rather than "wrong": readonly, access denied. */
    private static final Set<String> FORBIDDEN_CODES = Set.of("164", "497");
    private static final Set<String> MISSING_CODES = Set.of("60", "81");

    /** Read-only, and 64-bit integers as JSON numbers (as Tinybird answers). */
    static final Map<String, String> SETTINGS = Map.of("readonly", "2",
            "output_format_json_quote_64bit_integers", "0", "output_format_json_quote_denormals", "1");

    private final HttpQueries http;
    private final String database;

    public QueryRunner(HttpQueries http, String database) {
        this.http = http;
        this.database = database;
    }

    /** Runs a SELECT in the given format; a FORMAT clause at its end wins. */
    public ApiReply select(String sql, OutputFormat format) {
        return select(sql, format, QueryParameters.none());
    }

    /** The same with values for the query's parameters (an endpoint's secrets), sent beside the SQL. */
    public ApiReply select(String sql, OutputFormat format, QueryParameters secrets) {
        String body = sql.strip();
        String contentType = format.contentType();
        Matcher trailing = TRAILING_FORMAT.matcher(body);
        if (trailing.find()) {
            contentType = contentTypeOf(trailing.group(1));
        } else {
            while (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1).strip();
            }
            body = body + "\nFORMAT " + format.clickhouse();
        }
        HttpQueries.Answer answer;
        try {
            answer = http.query(database, body, SETTINGS, secrets);
        } catch (IOException e) {
            throw new ApiException(503, "the engine is not reachable: " + e.getMessage());
        }
        if (!answer.ok()) {
            int status = FORBIDDEN_CODES.contains(answer.exceptionCode()) ? 403 : 400;
            throw new ApiException(status, "[Error] " + answer.message());
        }
        return new ApiReply(200, contentType, answer.body());
    }

    /** Refuses anything but a SELECT (or WITH ... SELECT) with 403. */
    static void requireSelect(String sql) {
        Matcher leading = LEADING.matcher(sql);
        String keyword = leading.find() ? leading.group(2).toUpperCase(java.util.Locale.ROOT) : "";
        if (!READ_KEYWORDS.contains(keyword)) {
            throw new ApiException(403, "DB::Exception: only SELECT queries are supported; got "
                    + (keyword.isEmpty() ? "an empty query" : keyword));
        }
    }

    static boolean missingObject(ApiException e) {
        return MISSING_CODES.stream().anyMatch(c -> e.getMessage().contains("Code: " + c + "."));
    }

    private static String contentTypeOf(String clickhouseFormat) {
        String f = clickhouseFormat.toLowerCase(java.util.Locale.ROOT);
        if (f.startsWith("json")) {
            return f.contains("eachrow") ? "application/x-ndjson" : "application/json";
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=utf-8";
        }
        if (f.equals("parquet") || f.equals("arrow") || f.equals("native")) {
            return "application/octet-stream";
        }
        return "text/plain; charset=utf-8";
    }
}
