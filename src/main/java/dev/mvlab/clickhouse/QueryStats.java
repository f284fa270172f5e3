package dev.mvlab.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.errors.DatabaseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What one run of a query cost the server, from the {@code X-ClickHouse-Summary} header of the HTTP interface (the
 * result is discarded with {@code FORMAT Null}): for comparing how much a materialized view saves over the raw table.
 *
 * @param readRows    rows the query read from storage
 * @param readBytes   bytes it read (uncompressed)
 * @param resultRows  rows it returned
 * @param elapsed     the server's own time for the query
 */
public record QueryStats(long readRows, long readBytes, long resultRows, Duration elapsed) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Endpoint.CONNECT_TIMEOUT).build();

    /** Runs {@code sql} (one SELECT, without FORMAT) on {@code database} and returns its cost. */
    public static QueryStats measure(Endpoint endpoint, String database, String sql) {
        String url = endpoint.httpUrl() + "/?wait_end_of_query=1&database="
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(endpoint.timeout())
                .header("Authorization", endpoint.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(sql.strip() + "\nFORMAT Null")).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DatabaseException(response.body().strip(), sql, null);
            }
            JsonNode summary = JSON.readTree(response.headers().firstValue("X-ClickHouse-Summary").orElse("{}"));
            return new QueryStats(number(summary, "read_rows"), number(summary, "read_bytes"),
                    number(summary, "result_rows"), Duration.ofNanos(number(summary, "elapsed_ns")));
        } catch (IOException e) {
            throw new DatabaseException("cannot reach ClickHouse at " + endpoint + ": " + e.getMessage(), sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted", sql, e);
        }
    }

    private static long number(JsonNode summary, String field) {
        JsonNode value = summary.get(field);
        return value == null ? 0 : Long.parseLong(value.asText("0"));
    }
}
