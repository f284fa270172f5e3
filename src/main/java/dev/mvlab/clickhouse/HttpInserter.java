package dev.mvlab.clickhouse;

import dev.mvlab.errors.DatabaseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends batches (NDJSON lines) to ClickHouse on the {@link HttpQueries} channel: one {@code INSERT ... SELECT ... FROM
 * input()} per batch, the lines as the request body (LZ4-compressed when {@link Compression} says so), the batch's
 * deduplication token as the setting {@code insert_deduplication_token}. Retries transient failures with backoff
 * within its {@link RetryPolicy}; a retried batch carries the same token, so ClickHouse keeps it at most once.
 */
public final class HttpInserter {
    /** ClickHouse error codes worth a retry: timeouts, network, memory, too many parts, cancelled at shutdown. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(3, 159, 202, 209, 210, 236, 241, 242, 252, 319,
            394, 999);
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");

    /** The settings of every batch: synchronous, deduplicated (in the views too), lenient date-times. */
    private static final Map<String, String> SETTINGS = settings();

    private final HttpQueries channel;
    private final Endpoint endpoint;
    private final String sql;
    private final String baseUri;
    private final RetryPolicy retry;
    private final Compression compression;
    private final ThreadLocal<Compression.PackedBody> compressed =
            ThreadLocal.withInitial(() -> new Compression.PackedBody(1 << 20));

    public HttpInserter(Endpoint endpoint, String database, String sql, RetryPolicy retry) {
        this(endpoint, database, sql, retry, Compression.NONE);
    }

    public HttpInserter(Endpoint endpoint, String database, String sql, RetryPolicy retry, Compression compression) {
        this(new HttpQueries(endpoint), database, sql, retry, compression);
    }

    /** Batches of {@code sql} on an existing channel (its pooled connections). */
    public HttpInserter(HttpQueries channel, String database, String sql, RetryPolicy retry, Compression compression) {
        this.channel = channel;
        this.endpoint = channel.endpoint();
        this.sql = sql;
        this.retry = retry;
        this.compression = compression.resolve(endpoint.host());
        this.baseUri = channel.uri(database, sql, SETTINGS) + "&insert_deduplication_token=";
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("async_insert", "0");
        settings.put("insert_deduplicate", "1");
        settings.put("deduplicate_blocks_in_dependent_materialized_views", "1");
        settings.put("date_time_input_format", "best_effort");
        return settings;
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
        HttpRequest.Builder builder = channel.post(URI.create(baseUri + HttpQueries.encode(token)), attemptTimeout())
                .header("Content-Type", "application/x-ndjson");
        Compression.PackedBody packed = compressed.get();
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
                HttpResponse<String> response = channel.exchange(request, HttpResponse.BodyHandlers.ofString());
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
}
