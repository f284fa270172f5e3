package dev.mvlab.engine.host;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.UrlEncoded;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What the relay reads from a client's request: who sends it (by the secret it carries), the Host, the query string it
 * passes on. The query string is decoded by Jetty and rebuilt, so that chDB reads exactly the parameters checked here.
 */
final class RelayRequests {
    /** Query parameters that choose who runs a query in ClickHouse; the relay chooses that itself. */
    private static final Set<String> IDENTITY_PARAMETERS = Set.of("user", "password", "quota_key", "jwt");

    private RelayRequests() {
    }

    /**
     * Who sends the request: the secret may come as the password of basic authentication (clickhouse-jdbc, DBeaver,
     * curl -u), as {@code X-ClickHouse-Key}, or as a {@code password} URL parameter (the first non-empty of these);
     * the user name is not read. Empty when the secret is neither the credential nor mvlab's own key.
     */
    static Optional<RelayCaller> caller(Request request, String credential, String ownKey) {
        String given = basicPassword(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (given == null || given.isEmpty()) {
            given = request.getHeaders().get("X-ClickHouse-Key");
        }
        if (given == null || given.isEmpty()) {
            given = parameters(request.getHttpURI().getQuery()).stream().filter(p -> p.getKey().equals("password"))
                    .map(Map.Entry::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
        }
        if (given == null) {
            return Optional.empty();
        }
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(bytes, ownKey.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(RelayCaller.OWN);
        }
        if (MessageDigest.isEqual(bytes, credential.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(RelayCaller.CREDENTIAL);
        }
        return Optional.empty();
    }

    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /**
     * The client's query string as chDB receives it: decoded, without the parameters that choose an identity
     * ({@code user}, {@code password}, {@code quota_key}, {@code jwt}, in any case and any encoding), with
     * {@code query_id} set to {@code queryId}, encoded again. Throws IllegalArgumentException on a malformed encoding.
     */
    static String forwardedQuery(String query, String queryId) {
        StringJoiner kept = new StringJoiner("&", "?", "");
        for (Map.Entry<String, String> parameter : parameters(query)) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            if (!IDENTITY_PARAMETERS.contains(name) && !name.equals("query_id")) {
                kept.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue()));
            }
        }
        kept.add("query_id=" + encode(queryId));
        return kept.toString();
    }

    /** The {@code query_id} the client chose, if any (the relay keeps it: the client may kill its query by it). */
    static Optional<String> clientQueryId(String query) {
        return parameters(query).stream().filter(p -> p.getKey().equals("query_id")).map(Map.Entry::getValue)
                .filter(v -> !v.isBlank()).reduce((first, second) -> second);
    }

    private static List<Map.Entry<String, String>> parameters(String query) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            UrlEncoded.decodeTo(query, (name, value) -> pairs.add(Map.entry(name, value == null ? "" : value)),
                    StandardCharsets.UTF_8);
        }
        return pairs;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
