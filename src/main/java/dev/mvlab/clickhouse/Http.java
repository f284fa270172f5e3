package dev.mvlab.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The few plain HTTP calls the engine lifecycle needs (ping, one query) without a connection pool. Each call closes
 * its connection: clickhouse-local waits for open keep-alive connections before it shuts down.
 */
public final class Http {
    private Http() {
    }

    public static boolean ping(Endpoint endpoint) {
        try {
            return call(endpoint, "/ping", null).startsWith("Ok");
        } catch (IOException e) {
            return false;
        }
    }

    /** A GET of a path; throws IOException on an error status. */
    public static String get(Endpoint endpoint, String path) throws IOException {
        return call(endpoint, path, null);
    }

    /** Runs one query and returns its body; throws IOException with the server's message on an error status. */
    public static String query(Endpoint endpoint, String sql) throws IOException {
        return call(endpoint, "/", sql);
    }

    private static String call(Endpoint endpoint, String path, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint.httpUrl() + path).toURL().openConnection();
        try {
            connection.setConnectTimeout((int) Endpoint.CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) Math.min(endpoint.timeout().toMillis(), 10_000));
            connection.setRequestProperty("Authorization", endpoint.authorization());
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestMethod("POST");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            String text = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            if (status != 200) {
                throw new IOException(text.strip());
            }
            return text;
        } finally {
            connection.disconnect();
        }
    }

    /** Reads the body without closing the stream: closing would park the socket in the keep-alive cache, where
     * {@code disconnect()} no longer closes it. */
    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
