package dev.mvlab.serve;

import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.clickhouse.QueryIds;
import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.engine.host.ServeRoles;
import dev.mvlab.serve.door.ServedRequest;
import dev.mvlab.sql.SqlTokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs read-only queries on ClickHouse's HTTP interface and passes its output on untouched: ClickHouse's JSON format
 * is Tinybird's response shape ({@code meta}, {@code data}, {@code rows}, {@code rows_before_limit_at_least},
 * {@code statistics}). Every query runs with {@code readonly=2}, so nothing that reaches it can write, and under the
 * {@link QueryRoles} of the engine, so it reads nothing outside what ClickHouse grants serve.
 */
public final class QueryRunner {
    private static final Pattern TRAILING_FORMAT = Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z0-9_]+)\\s*;?\\s*$");
    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "WITH");
    /** ClickHouse codes that mean "not allowed" rather than "wrong": readonly, access denied. */
    private static final Set<String> FORBIDDEN_CODES = Set.of("164", "497");
    private static final Set<String> MISSING_CODES = Set.of("60", "81");
    /** TIMEOUT_EXCEEDED. */
    private static final String TIMEOUT_CODE = "159";
    private static final String ACCESS_DENIED = "497";

    /** How much of a watched query's answer ClickHouse holds in memory until the query ends (4 MiB). */
    static final long RESPONSE_BUFFER_BYTES = 4L << 20;

    /** Read-only, and 64-bit integers as JSON numbers (as Tinybird answers). */
    public static final Map<String, String> SETTINGS = Map.of("readonly", "2",
            "output_format_json_quote_64bit_integers", "0", "output_format_json_quote_denormals", "1");

    private final HttpQueries http;
    private final String database;
    private final QueryRoles roles;

    public QueryRunner(HttpQueries http, String database) {
        this(http, database, QueryRoles.NONE);
    }

    public QueryRunner(HttpQueries http, String database, QueryRoles roles) {
        this.http = http;
        this.database = database;
        this.roles = roles;
    }

    public String database() {
        return database;
    }

    public QueryRoles roles() {
        return roles;
    }

    /** A query without its trailing FORMAT and semicolons, and the content type of the format asked for. */
    record Prepared(String body, String contentType, String format) {
        static Prepared of(String sql, OutputFormat format) {
            String body = sql.strip();
            Matcher trailing = TRAILING_FORMAT.matcher(body);
            if (trailing.find()) {
                return new Prepared(body.substring(0, trailing.start()).strip(), contentTypeOf(trailing.group(1)),
                        trailing.group(1));
            }
            while (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1).strip();
            }
            return new Prepared(body, format.contentType(), format.clickhouse());
        }
    }

    /** Runs a SELECT in the given format; a FORMAT clause at its end wins. */
    public ApiReply select(String sql, OutputFormat format) {
        return select(sql, format, QueryParameters.none());
    }

    /** The same with values for the query's parameters (an endpoint's secrets), sent beside the SQL. */
    public ApiReply select(String sql, OutputFormat format, QueryParameters secrets) {
        return run(Prepared.of(sql, format), secrets);
    }

    /** Runs a prepared query (one whose reads serve has checked) with no parameter values. */
    ApiReply run(Prepared query) {
        return run(query, QueryParameters.none());
    }

    private ApiReply run(Prepared query, QueryParameters secrets) {
        HttpQueries.Answer answer = send(query.body() + "\nFORMAT " + query.format(), roles.execution(), secrets);
        return new ApiReply(200, query.contentType(), answer.body());
    }

    /**
     * What {@code query} reads, from ClickHouse's analysis ({@code EXPLAIN QUERY TREE}), run under {@code role}: the
     * analysis evaluates scalar subqueries, so it runs under a role that may read nothing serve has not checked yet.
     * A query that needs to read a table while it is analysed is then refused (403).
     */
    QueryReads analyze(Prepared query, String role) {
        HttpQueries.Answer answer = send("EXPLAIN QUERY TREE " + query.body() + "\nFORMAT TSVRaw", role,
                QueryParameters.none());
        return QueryReads.parse(new String(answer.body(), StandardCharsets.UTF_8), database);
    }

    /** The columns (name, type) of a query's result, asked of ClickHouse (with the values of its parameters). */
    List<String[]> columns(String sql, QueryParameters secrets) {
        HttpQueries.Answer answer = send("DESCRIBE TABLE (\n" + sql.strip() + "\n) FORMAT TSVRaw", roles.execution(),
                secrets);
        return new String(answer.body(), StandardCharsets.UTF_8).lines()
                .map(l -> l.split("\t", -1)).filter(f -> f.length >= 2).map(f -> new String[] {f[0], f[1]}).toList();
    }

    private HttpQueries.Answer send(String sql, String role, QueryParameters secrets) {
        Map<String, String> settings = SETTINGS;
        if (role != null) {
            settings = new LinkedHashMap<>(SETTINGS);
            settings.put("role", role);
        }
        Optional<ServedRequest> served = ServedRequest.current();
        HttpQueries.Answer answer = served.isPresent() ? watched(sql, settings, secrets, served.get())
                : run(sql, settings, secrets);
        boolean timedOut = served.isPresent() && served.get().ending() == ServedRequest.Ending.TIMED_OUT;
        if (!answer.ok() && (timedOut || TIMEOUT_CODE.equals(answer.exceptionCode()))) {
            throw new ApiException(408, "[Error] the query ran over the time limit of "
                    + served.map(r -> r.limit().toSeconds() + " s").orElse("the server") + ": " + answer.message());
        }
        if (!answer.ok()) {
            if (ACCESS_DENIED.equals(answer.exceptionCode()) && ServeRoles.ANALYZE.equals(role)) {
                throw new ApiException(403, "Forbidden: the query reads data while ClickHouse analyses it (a scalar "
                        + "subquery or a dictionary lookup with constant arguments), before serve could check the "
                        + "token's scopes; write it with IN or a JOIN instead. [Error] " + answer.message());
            }
            int status = FORBIDDEN_CODES.contains(answer.exceptionCode()) ? 403 : 400;
            throw new ApiException(status, "[Error] " + answer.message());
        }
        return answer;
    }

    /**
     * Runs a query of a request that came through the door: under its time limit (sent as {@code max_execution_time},
     * and enforced by the door, which kills the query by its id when the time is up or the client leaves).
     */
    private HttpQueries.Answer watched(String body, Map<String, String> base, QueryParameters secrets,
                                       ServedRequest served) {
        String queryId = QueryIds.next("mvlab-serve-");
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.put("max_execution_time", Long.toString(Math.max(1, served.limit().toSeconds())));
        settings.put("query_id", queryId);
        // the answer is sent once complete: a query cancelled midway gets its error status, not a 200 cut short
        settings.put("wait_end_of_query", "1");
        // ... held in memory up to this size: without it ClickHouse writes every answer to a temporary file of its
        // data folder, reads it back and deletes it (a file per endpoint call); a larger answer still goes there
        settings.put("http_response_buffer_size", Long.toString(RESPONSE_BUFFER_BYTES));
        try (ServedRequest.Registration ignored = served.whileRunning(() -> kill(queryId))) {
            return run(body, settings, secrets);
        }
    }

    private void kill(String queryId) {
        try {
            http.query(database, "KILL QUERY WHERE query_id = '" + queryId + "' ASYNC", Map.of());
        } catch (IOException e) {
            // the engine is gone: so is the query
        }
    }

    private HttpQueries.Answer run(String body, Map<String, String> settings, QueryParameters secrets) {
        try {
            return http.query(database, body, settings, secrets);
        } catch (IOException e) {
            throw new ApiException(503, "the engine is not reachable: " + e.getMessage());
        }
    }

    /** Refuses anything but a SELECT (or WITH ... SELECT) with 403; SQL over the tokenizer's limits with 400. */
    static void requireSelect(String sql) {
        String keyword = SqlTokenizer.tokenize(sql).stream().filter(t -> !t.isSymbol('(')).findFirst()
                .filter(t -> t.kind() == SqlTokenizer.Kind.WORD).map(t -> t.text().toUpperCase(Locale.ROOT))
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
        String f = clickhouseFormat.toLowerCase(Locale.ROOT);
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
