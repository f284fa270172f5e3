package dev.mvlab.engine;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.StringJoiner;

/** What the relay reads from a client's request: the credential, the Host, the query string it passes on. */
final class RelayRequests {
    private RelayRequests() {
    }

    /**
     * The credential may come as the password of basic authentication (clickhouse-jdbc, DBeaver, curl -u), as
     * {@code X-ClickHouse-Key}, or as the {@code password} URL parameter; the user name is not checked.
     */
    static boolean credentialMatches(Request request, String credential) {
        String given = null;
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                given = colon < 0 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (given == null || given.isEmpty()) {
            given = request.getHeaders().get("X-ClickHouse-Key");
        }
        if (given == null || given.isEmpty()) {
            given = queryParameter(request.getHttpURI().getQuery(), "password");
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                credential.getBytes(StandardCharsets.UTF_8));
    }

    /** True for 127.0.0.1, localhost and [::1] with any port: any other name is a DNS rebinding attempt. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 without Host: no browser sends that
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.startsWith("[::1]");
        }
        int colon = name.indexOf(':');
        name = colon < 0 ? name : name.substring(0, colon);
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    /** The client's query string without {@code user} and {@code password} (the relay authenticates upstream). */
    static String forwardedQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&", "?", "");
        kept.setEmptyValue("");
        for (String pair : query.split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!key.equals("user") && !key.equals("password")) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
