package dev.mvlab.serve;

import dev.mvlab.engine.HttpQueries;
import dev.mvlab.serve.door.ServedRequest;
import dev.mvlab.sql.SqlTokenizer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs read-only queries on ClickHouse's HTTP interface and passes its output on untouched: ClickHouse's JSON format
 * is Tinybird's response shape ({@code meta}, {@code data}, {@code rows}, {@code rows_before_limit_at_least},
 * {@code statistics}). Every query runs with {@code readonly=2}, so nothing that reaches it can write.
 */
public final class QueryRunner {
    private static final Pattern TRAILING_FORMAT = Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH");
    /** ClickHouse codes that mean "not allowed" rather than "wrong": readonly, access denied. */
    private static final Set<String> FORBIDDEN_CODES = Set.of("164", "497");
    private static final Set<String> MISSING_CODES = Set.of("60", "81");
    /** TIMEOUT_EXCEEDED. */
    private static final String TIMEOUT_CODE = "159";

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
        Optional<ServedRequest> served = ServedRequest.current();
        HttpQueries.Answer answer = served.isPresent() ? watched(body, served.get()) : run(body, SETTINGS);
        boolean timedOut = served.isPresent() && served.get().ending() == ServedRequest.Ending.TIMED_OUT;
        if (!answer.ok() && (timedOut || TIMEOUT_CODE.equals(answer.exceptionCode()))) {
            throw new ApiException(408, "[Error] the query ran over the time limit of "
                    + served.map(r -> r.limit().toSeconds() + " s").orElse("the server") + ": " + answer.message());
        }
        if (!answer.ok()) {
            int status = FORBIDDEN_CODES.contains(answer.exceptionCode()) ? 403 : 400;
            throw new ApiException(status, "[Error] " + answer.message());
        }
        return new ApiReply(200, contentType, answer.body());
    }

    /**
     * Runs a query of a request that came through the door: under its time limit (sent as {@code max_execution_time},
     * and enforced by the door, which kills the query by its id when the time is up or the client leaves).
     */
    private HttpQueries.Answer watched(String body, ServedRequest served) {
        String queryId = "mvlab-serve-" + UUID.randomUUID();
        Map<String, String> settings = new LinkedHashMap<>(SETTINGS);
        settings.put("max_execution_time", Long.toString(Math.max(1, served.limit().toSeconds())));
        settings.put("query_id", queryId);
        // the answer is sent once complete: a query cancelled midway gets its error status, not a 200 cut short
        settings.put("wait_end_of_query", "1");
        try (ServedRequest.Registration ignored = served.whileRunning(() -> kill(queryId))) {
            return run(body, settings);
        }
    }

    private void kill(String queryId) {
        try {
            http.query(database, "KILL QUERY WHERE query_id = '" + queryId + "' ASYNC", Map.of());
        } catch (IOException e) {
            // the engine is gone: so is the query
        }
    }

    private HttpQueries.Answer run(String body, Map<String, String> settings) {
        try {
            return http.query(database, body, settings);
        } catch (IOException e) {
            throw new ApiException(503, "the engine is not reachable: " + e.getMessage());
        }
    }

    /** Refuses anything but a SELECT (or WITH ... SELECT) with 403; SQL over the tokenizer's limits with 400. */
    static void requireSelect(String sql) {
        String keyword = SqlTokenizer.tokenize(sql).stream().filter(t -> !t.isSymbol('(')).findFirst()
                .filter(t -> t.kind() == SqlTokenizer.Kind.WORD).map(t -> t.text().toUpperCase(java.util.Locale.ROOT))
                .orElse("");
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
