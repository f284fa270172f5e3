package dev.mvlab.clickhouse;

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
 * Queries on ClickHouse's HTTP interface that return the server's own output format untouched (JSON, CSV,
 * JSONEachRow, Parquet ...), over one pooled keep-alive client: for callers that pass results on as bytes (the
 * serve API) or stream a file into an INSERT. Settings go in the URL; a non-200 answer comes back, not thrown.
 */
public final class HttpQueries {
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

    private URI uri(String database, String sql, Map<String, String> settings) {
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
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).POST(body).build();
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
