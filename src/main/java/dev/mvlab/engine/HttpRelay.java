package dev.mvlab.engine;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The engine's public HTTP door (Jetty), in front of chDB's private port. It refuses browsers (an {@code Origin} that
 * the user did not allow, a {@code Host} other than loopback) and requests without the user's {@link Credential};
 * it reads each request completely before chDB sees it, so a client that resets half-way never reaches chDB; and it
 * reads each answer of chDB to the end even when the client has gone, so chDB's connections always end cleanly.
 */
final class HttpRelay extends Handler.Abstract {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "authorization",
            "x-clickhouse-user", "x-clickhouse-key", "origin", "referer", "cookie",
            ChdbConfig.SECRET_HEADER.toLowerCase());
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length");

    /** Where chDB answers now; null while it (re)starts. */
    record Upstream(int port, ChdbConfig config) {
    }

    /** Answers the engine's folder: its credential file there is readable by its own user only (mode 0600). */
    static final String WHERE_PATH = "/mvlab/engine-folder";

    private final String credential;
    private final java.nio.file.Path stateDir;
    private final List<String> origins;
    private final RequestBody.Spool spool;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Upstream upstream;

    HttpRelay(java.nio.file.Path stateDir, String credential, List<String> origins, RequestBody.Spool spool) {
        this.stateDir = stateDir;
        this.credential = credential;
        this.origins = List.copyOf(origins);
        this.spool = spool;
    }

    void upstream(Upstream value) {
        this.upstream = value;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !origins.contains(origin)) {
            return refuse(response, callback, 403, "browser requests (Origin " + origin + ") are refused; allow an "
                    + "origin with MVLAB_ENGINE_ORIGINS and restart the engine");
        }
        if (!RelayRequests.isLoopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            return refuse(response, callback, 403, "only requests to 127.0.0.1 or localhost are served");
        }
        if (origin != null) {
            response.getHeaders().put("Access-Control-Allow-Origin", origin);
            response.getHeaders().put("Vary", "Origin");
            if (request.getMethod().equals("OPTIONS")) {
                response.getHeaders().put("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, X-ClickHouse-User, X-ClickHouse-Key, X-ClickHouse-Format");
                response.getHeaders().put("Access-Control-Allow-Methods", "GET, POST");
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
        }
        String path = request.getHttpURI().getPath();
        if (WHERE_PATH.equals(path)) { // lets mvlab find the credential of an engine given by URL (same user only)
            response.getHeaders().put("Content-Type", "text/plain; charset=UTF-8");
            response.write(true, java.nio.ByteBuffer.wrap((stateDir + "\n").getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
        boolean ping = "/ping".equals(path) && !request.getMethod().equals("POST");
        if (!ping && !RelayRequests.credentialMatches(request, credential)) {
            response.getHeaders().put("WWW-Authenticate", "Basic realm=\"mvlab engine\"");
            return refuse(response, callback, 401, "the engine needs the user's credential "
                    + "(see 'mvlab engine credential')");
        }
        Upstream target = upstream;
        if (target == null) {
            return refuse(response, callback, 503, "the engine is starting; retry in a moment");
        }
        relay(request, response, callback, target, path);
        return true;
    }

    private void relay(Request request, Response response, Callback callback, Upstream target, String path) {
        RequestBody body;
        try {
            body = RequestBody.read(Content.Source.asInputStream(request), spool);
        } catch (IOException e) {
            callback.failed(e); // the client left before its request was complete: chDB never saw it
            return;
        }
        try (body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port()
                    + path + RelayRequests.forwardedQuery(request.getHttpURI().getQuery())));
            for (HttpField field : request.getHeaders()) {
                if (!NOT_FORWARDED.contains(field.getLowerCaseName())) {
                    builder.header(field.getName(), field.getValue());
                }
            }
            builder.header("Authorization", RelayRequests.basic(ChdbConfig.RELAY_USER, target.config().password()));
            builder.header(ChdbConfig.SECRET_HEADER, target.config().secret());
            builder.method(request.getMethod(), body.publisher());
            HttpResponse<InputStream> answer;
            try {
                answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                refuse(response, callback, 503, "the engine is not answering (it restarts by itself): " + e);
                return;
            }
            pass(answer, response, callback, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /**
     * Copies chDB's answer to the client. When the client is gone, the query is cancelled and the rest of the answer
     * is still read to the end and dropped, so that chDB's connection ends normally.
     */
    private void pass(HttpResponse<InputStream> answer, Response response, Callback callback, Upstream target) {
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        try (InputStream in = answer.body()) {
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                in.transferTo(out);
            } catch (IOException clientGone) {
                answer.headers().firstValue("X-ClickHouse-Query-Id").ifPresent(id -> cancel(target, id));
                in.transferTo(OutputStream.nullOutputStream());
                callback.failed(clientGone);
                return;
            }
            callback.succeeded();
        } catch (IOException upstreamFailed) {
            callback.failed(upstreamFailed);
        }
    }

    private void cancel(Upstream target, String queryId) {
        String literal = "'" + queryId.replace("\\", "\\\\").replace("'", "\\'") + "'";
        try {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", RelayRequests.basic(ChdbConfig.RELAY_USER, target.config().password()))
                    .header(ChdbConfig.SECRET_HEADER, target.config().secret())
                    .POST(HttpRequest.BodyPublishers.ofString("KILL QUERY WHERE query_id = " + literal + " ASYNC"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the answer is read to its end anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=UTF-8");
        response.write(true, java.nio.ByteBuffer.wrap(("mvlab engine: " + message + "\n")
                .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
