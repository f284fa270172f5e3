package dev.mvlab.generate;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.errors.DatabaseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends NDJSON batches to ClickHouse over HTTP: one {@code INSERT ... SELECT ... FROM input()} per batch, the lines
 * as the request body, the batch's deduplication token as a setting. Retries transient failures with backoff;
 * a retried batch carries the same token, so ClickHouse keeps it at most once.
 */
public final class HttpInserter {
    /** ClickHouse error codes worth a retry: timeouts, network, memory, too many parts, cancelled at shutdown. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(3, 159, 202, 209, 210, 236, 241, 242, 252, 319,
            394, 999);
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");

    private final HttpClient client;
    private final Endpoint endpoint;
    private final String sql;
    private final String baseUri;
    private final String authorization;
    private final RetryPolicy retry;
    private final Compression compression;
    private final ThreadLocal<LineBuffer> compressed = ThreadLocal.withInitial(() -> new LineBuffer(1 << 20));

    public HttpInserter(Endpoint endpoint, String database, String sql, RetryPolicy retry) {
        this(endpoint, database, sql, retry, Compression.NONE);
    }

    HttpInserter(Endpoint endpoint, String database, String sql, RetryPolicy retry, Compression compression) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Endpoint.CONNECT_TIMEOUT).build();
        this.endpoint = endpoint;
        this.sql = sql;
        this.retry = retry;
        this.compression = compression.resolve(endpoint.host());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database", database);
        settings.put("async_insert", "0");
        settings.put("insert_deduplicate", "1");
        settings.put("deduplicate_blocks_in_dependent_materialized_views", "1");
        settings.put("date_time_input_format", "best_effort");
        settings.put("query", sql);
        StringBuilder uri = new StringBuilder(endpoint.httpUrl()).append("/?");
        settings.forEach((k, v) -> uri.append(k).append('=').append(encode(v)).append('&'));
        this.baseUri = uri.toString();
        this.authorization = endpoint.authorization();
    }

    /** The outcome of one batch: how many attempts it took. */
    public record Sent(int attempts) {
    }

    /** Thrown when the retry budget is spent on transient failures: the engine is down or unreachable. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Sent insert(byte[] body, int length, String token) throws Unavailable, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + "insert_deduplication_token="
                        + encode(token)))
                .timeout(attemptTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson");
        LineBuffer packed = compressed.get();
        String encoding = compression.encode(body, length, packed);
        if (encoding != null) {
            builder.header("Content-Encoding", encoding).POST(ArrayBodyPublisher.of(packed.array(), packed.length()));
        } else {
            builder.POST(ArrayBodyPublisher.of(body, length));
        }
        HttpRequest request = builder.build();
        Instant deadline = Instant.now().plus(retry.budget());
        String lastProblem;
        Throwable lastCause = null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new Sent(attempt);
                }
                String message = response.body().strip();
                if (!isTransient(response.statusCode(), message, response.headers()
                        .firstValue("X-ClickHouse-Exception-Code").orElse(null))) {
                    throw new DatabaseException(oneLine(message), sql, null);
                }
                lastProblem = "HTTP " + response.statusCode() + ": " + oneLine(message);
            } catch (IOException e) {
                lastProblem = e instanceof java.net.http.HttpTimeoutException
                        ? "no answer within " + attemptTimeout().toSeconds() + " s"
                        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                lastCause = e;
            }
            if (Instant.now().plus(retry.backoff(attempt - 1)).isAfter(deadline)) {
                throw new Unavailable("ClickHouse at " + endpoint.httpUrl() + " did not take the batch after "
                        + attempt + " attempts in " + retry.budget().toSeconds() + " s (last: " + lastProblem + ")",
                        lastCause);
            }
            Thread.sleep(retry.backoff(attempt - 1).toMillis());
        }
    }

    /**
     * How long one attempt may wait for the server's answer: the endpoint's timeout, cut to the retry budget (at
     * least 30 s) so that a server that accepts and never answers ends the run with a message, not a hang.
     */
    private Duration attemptTimeout() {
        Duration budget = retry.budget().compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : retry.budget();
        return endpoint.timeout().compareTo(budget) < 0 ? endpoint.timeout() : budget;
    }

    private static boolean isTransient(int status, String body, String codeHeader) {
        if (status == 502 || status == 503 || status == 504) {
            return true;
        }
        Integer code = null;
        if (codeHeader != null && !codeHeader.isBlank()) {
            code = Integer.valueOf(codeHeader.strip());
        } else {
            Matcher matcher = CODE.matcher(body);
            if (matcher.find()) {
                code = Integer.valueOf(matcher.group(1));
            }
        }
        return code != null && TRANSIENT_CODES.contains(code);
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        int suffix = line.indexOf(" (version ");
        line = suffix > 0 ? line.substring(0, suffix) : line;
        return line.length() > 600 ? line.substring(0, 600) + " ..." : line;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
