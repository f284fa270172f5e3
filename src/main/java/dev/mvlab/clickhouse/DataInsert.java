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

/**
 * {@code INSERT ... FORMAT X} with its data streamed over HTTP as ClickHouse's own clients send it: the statement in
 * the URL and the data as the body (or the statement with inline data as the whole body).
 */
public final class DataInsert {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataInsert() {
    }

    /** Sends {@code data} as the data of {@code insert}; returns the rows ClickHouse wrote. */
    public static long send(Endpoint endpoint, String database, String insert, InputStream data) {
        return post(endpoint, database, insert, HttpRequest.BodyPublishers.ofInputStream(() -> data));
    }

    /** Runs a statement that carries its data after {@code FORMAT X}; returns the rows ClickHouse wrote. */
    public static long sendInline(Endpoint endpoint, String database, String insertWithData) {
        return post(endpoint, database, null, HttpRequest.BodyPublishers.ofString(insertWithData));
    }

    private static long post(Endpoint endpoint, String database, String query, HttpRequest.BodyPublisher body) {
        String uri = endpoint.httpUrl() + "/?database=" + encode(database)
                + (query == null ? "" : "&query=" + encode(query));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", endpoint.authorization())
                .POST(body).build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
