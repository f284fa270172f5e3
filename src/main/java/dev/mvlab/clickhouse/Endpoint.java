package dev.mvlab.clickhouse;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Where a running ClickHouse answers over HTTP, who to be there, and how long to wait for it. This is the one place
 * that carries the engine's credential: every client of the engine (JDBC through {@link Database}, {@link Http},
 * the generator's inserter) takes user and password from here. {@link #toString()} never shows the password.
 *
 * @param timeout connect and read timeout of each call (a server that accepts and never answers)
 */
public record Endpoint(String host, int httpPort, boolean secure, String user, String password, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** How long a connection may take to open (a port that accepts but never answers fails by the read timeout). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public Endpoint(String host, int httpPort, boolean secure, String user, String password) {
        this(host, httpPort, secure, user, password, DEFAULT_TIMEOUT);
    }

    /** A server on this machine without a password (the clickhouse-binary engine). */
    public static Endpoint loopback(int httpPort) {
        return new Endpoint("127.0.0.1", httpPort, false, "default", "");
    }

    /** Parses {@code http(s)://[user[:password]@]host[:port]}; the port defaults to 8123, or 8443 with https. */
    public static Endpoint fromUrl(String url, String user, String password) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected http://host:port or https://host:port, got '"
                    + redact(url) + "'");
        }
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(secure || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("expected http://host:port or https://host:port, got '"
                    + redact(url) + "'");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("the url names only the server (http(s)://host:port), got '"
                    + redact(url) + "'; choose the database with -d");
        }
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) { // accepted: user and password of the URL, percent-decoded
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            urlUser = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
            urlPassword = colon < 0 ? null : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 8443 : 8123;
        String chosenUser = urlUser != null && !urlUser.isBlank() ? urlUser
                : user == null || user.isBlank() ? "default" : user;
        String chosenPassword = urlPassword != null ? urlPassword : password == null ? "" : password;
        return new Endpoint(uri.getHost(), port, secure, chosenUser, chosenPassword, DEFAULT_TIMEOUT);
    }

    /** The URL with any password replaced by {@code ***}, for messages. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?<=://)([^/@:]*):[^/@]*@", "$1:***@");
    }

    public static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]")
                || host.equals("::1");
    }

    public Endpoint withPassword(String value) {
        return new Endpoint(host, httpPort, secure, user, value, timeout);
    }

    public Endpoint withTimeout(Duration value) {
        return new Endpoint(host, httpPort, secure, user, password, value);
    }

    /** The {@code Authorization} header value every HTTP client of the engine sends. */
    public String authorization() {
        return basicAuthorization(user, password);
    }

    /** The one builder of an HTTP basic {@code Authorization} value (user and password as ClickHouse reads them). */
    public static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String httpUrl() {
        return (secure ? "https" : "http") + "://" + host + ":" + httpPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:clickhouse:" + httpUrl() + "/" + (database == null ? "default" : database)
                + (secure ? "?ssl=true" : "");
    }

    @Override
    public String toString() {
        return httpUrl() + " as " + user;
    }
}
