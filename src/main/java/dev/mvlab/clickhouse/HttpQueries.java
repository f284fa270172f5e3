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

    private Answer send(URI uri, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).POST(body).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse("text/plain"),
                    response.headers().firstValue("X-ClickHouse-Exception-Code").orElse(null),
                    response.headers().firstValue("X-ClickHouse-Summary").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ClickHouse", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
