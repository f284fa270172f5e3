package dev.mvlab.engine;

import java.net.URI;

/** Where a running ClickHouse answers over HTTP, and who to be there. */
public record Endpoint(String host, int httpPort, boolean secure, String user, String password) {

    public static Endpoint loopback(int httpPort) {
        return new Endpoint("127.0.0.1", httpPort, false, "default", "");
    }

    /** Parses {@code http(s)://host[:port]}; the port defaults to 8123, or 8443 with https. */
    public static Endpoint fromUrl(String url, String user, String password) {
        URI uri = URI.create(url.strip());
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(secure || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("expected http://host:port or https://host:port, got '" + url + "'");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 8443 : 8123;
        return new Endpoint(uri.getHost(), port, secure, user == null || user.isBlank() ? "default" : user,
                password == null ? "" : password);
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
