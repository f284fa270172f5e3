package dev.mvlab.clickhouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP channel to ClickHouse, for queries and inserts, over one pooled keep-alive client: queries that return the
 * server's own output format untouched (JSON, CSV, JSONEachRow, Parquet ...) for callers that pass results on as
 * bytes (the serve API), and INSERTs whose data is the request body, as ClickHouse's own clients send it (a file,
 * stdin). Settings go in the URL; a non-200 answer of {@link #query}, {@link #insert} and {@link #stream} comes back,
 * not thrown. Batches with a deduplication token, retries and compression go through {@link HttpInserter} on this
 * channel.
 */
public final class HttpQueries {
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Endpoint endpoint;
    private final String authorization;

    public HttpQueries(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Endpoint.CONNECT_TIMEOUT).build();
        this.authorization = endpoint.authorization();
    }

    /**
     * What the server answered.
     *
     * @param exceptionCode the ClickHouse error code of a failed query (the X-ClickHouse-Exception-Code header), or null
     */
    public record Answer(int status, byte[] body, String contentType, String exceptionCode, String summary) {
        public boolean ok() {
            return status == 200;
        }

        /** The server's one-line message of a failed query, without the version suffix. */
        public String message() {
            return Database.serverMessage(new IOException(new String(body, StandardCharsets.UTF_8)));
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Runs {@code sql} (sent as the request body) in {@code database} with the given settings. */
    public Answer query(String database, String sql, Map<String, String> settings) throws IOException {
        return send(uri(database, null, settings), HttpRequest.BodyPublishers.ofString(sql));
    }

    /** {@link #query(String, String, Map)} with values for the query's parameters, sent beside the SQL. */
    public Answer query(String database, String sql, Map<String, String> settings, QueryParameters parameters)
            throws IOException {
        return query(database, sql, parameters.addedTo(settings));
    }

    /** Runs an INSERT whose data is {@code data} (sent as the body; the statement goes in the URL). */
    public Answer insert(String database, String sql, Map<String, String> settings, Supplier<InputStream> data)
            throws IOException {
        return send(uri(database, sql, settings), HttpRequest.BodyPublishers.ofInputStream(data));
    }

    /**
     * Sends {@code data} as the data of {@code insert}; returns the rows ClickHouse wrote. A refusal is thrown (the
     * server's message), as is an unreachable server; no time limit, the data may be long to come.
     */
    public long insertData(String database, String insert, InputStream data) {
        return written(insert, request(uri(database, insert, Map.of()), HttpRequest.BodyPublishers.ofInputStream(
                () -> data), null));
    }

    /** Runs a statement that carries its data after {@code FORMAT X}; returns the rows ClickHouse wrote. */
    public long insertInline(String database, String insertWithData) {
        return written(null, request(uri(database, null, Map.of()), HttpRequest.BodyPublishers.ofString(
                insertWithData), null));
    }

    private long written(String query, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DatabaseException(Database.serverMessage(new IOException(response.body())), query, null);
            }
            String summary = response.headers().firstValue("X-ClickHouse-Summary").orElse("{}");
            return JSON.readTree(summary).path("written_rows").asLong(0);
        } catch (java.net.ConnectException e) {
            throw new EngineException("cannot reach ClickHouse at " + endpoint + ": " + e.getMessage(),
                    "check that the engine runs: 'mvlab engine status'", e);
        } catch (IOException e) {
            throw new EngineException("the insert into ClickHouse at " + endpoint + " failed: " + e.getMessage(),
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("the insert was interrupted", null, e);
        }
    }

    URI uri(String database, String sql, Map<String, String> settings) {
        StringBuilder uri = new StringBuilder(endpoint.httpUrl()).append("/?database=").append(encode(database));
        settings.forEach((k, v) -> uri.append('&').append(encode(k)).append('=').append(encode(v)));
        if (sql != null) {
            uri.append("&query=").append(encode(sql));
        }
        return URI.create(uri.toString());
    }

    /** Reads the body of a successful answer as it arrives. */
    @FunctionalInterface
    public interface BodyReader {
        void read(InputStream body) throws IOException;
    }

    /**
     * Runs {@code sql} and hands the server's output to {@code reader} as it arrives, keeping none of it; a refused
     * query comes back as an answer with the server's message, and {@code reader} is not called.
     */
    public Answer stream(String database, String sql, Map<String, String> settings, BodyReader reader)
            throws IOException {
        HttpResponse<InputStream> response = call(request(uri(database, null, settings),
                HttpRequest.BodyPublishers.ofString(sql)), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return answer(response, body.readAllBytes());
            }
            reader.read(body);
            return answer(response, new byte[0]);
        }
    }

    private Answer send(URI uri, HttpRequest.BodyPublisher body) throws IOException {
        HttpResponse<byte[]> response = call(request(uri, body), HttpResponse.BodyHandlers.ofByteArray());
        return answer(response, response.body());
    }

    private HttpRequest request(URI uri, HttpRequest.BodyPublisher body) {
        return request(uri, body, QUERY_TIMEOUT);
    }

    /** A POST of {@code body} with the endpoint's credential; {@code timeout} null waits as long as it takes. */
    HttpRequest request(URI uri, HttpRequest.BodyPublisher body, Duration timeout) {
        return post(uri, timeout).POST(body).build();
    }

    /** A POST to {@code uri} with the endpoint's credential, its body and headers still to add. */
    HttpRequest.Builder post(URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Authorization", authorization);
        return timeout == null ? builder : builder.timeout(timeout);
    }

    /** Sends on the pooled client; interruption is the caller's to handle (a batch sender stops on it). */
    <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client.send(request, handler);
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ClickHouse", e);
        }
    }

    private static Answer answer(HttpResponse<?> response, byte[] body) {
        return new Answer(response.statusCode(), body,
                response.headers().firstValue("Content-Type").orElse("text/plain"),
                response.headers().firstValue("X-ClickHouse-Exception-Code").orElse(null),
                response.headers().firstValue("X-ClickHouse-Summary").orElse(null));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
