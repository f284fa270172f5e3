package dev.mvlab.engine.host;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.QueryIds;
import dev.mvlab.net.ClientProbe;
import dev.mvlab.sql.SqlLiterals;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's public HTTP door (Jetty), in front of chDB's private port. It refuses browsers (an {@code Origin} that
 * the user did not allow, a {@code Host} other than loopback) and requests without the user's {@link Credential} or
 * mvlab's own key; it queries chDB as the ClickHouse user of the {@link RelayCaller}, whatever user the request names;
 * it reads each request body completely (a body that stops for {@link #BODY_IDLE} is cut with 408) before chDB sees
 * it, within the {@link ClientLimits} of its client; it kills a query whose client has gone (by the query id it gives
 * each query) and reads chDB's answers to the end, so chDB's connections always end cleanly.
 */
final class HttpRelay extends Handler.Abstract {
    /** A request body that sends nothing for this long is cut (408); tests shorten it. */
    static final Duration BODY_IDLE = Duration.ofSeconds(Long.getLong("mvlab.relay.body-idle-seconds", 30));
    /** How often the relay looks whether a waiting client is still there. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(250);
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "authorization",
            "x-clickhouse-user", "x-clickhouse-key", "x-clickhouse-quota", "x-clickhouse-ssl-certificate-auth",
            "x-forwarded-for", "x-real-ip", "origin", "referer", "cookie", ChdbConfig.SECRET_HEADER.toLowerCase());
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length");

    /** Where chDB answers now; null while it (re)starts. */
    record Upstream(int port, ChdbConfig config) {
    }

    /** Answers the engine's folder to a caller with the credential. */
    static final String WHERE_PATH = "/mvlab/engine-folder";

    private final String credential;
    private final String ownKey;
    private final Path stateDir;
    private final List<String> origins;
    private final RequestBody.Spool spool;
    private final ClientLimits limits;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Upstream upstream;

    HttpRelay(Path stateDir, String credential, String ownKey, List<String> origins, RequestBody.Spool spool,
              ClientLimits limits) {
        this.stateDir = stateDir;
        this.credential = credential;
        this.ownKey = ownKey;
        this.origins = List.copyOf(origins);
        this.spool = spool;
        this.limits = limits;
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
        boolean ping = "/ping".equals(path) && !request.getMethod().equals("POST");
        Optional<RelayCaller> caller;
        try {
            caller = RelayRequests.caller(request, credential, ownKey);
        } catch (IllegalArgumentException malformed) {
            return refuse(response, callback, 400, "malformed query string: " + malformed.getMessage());
        }
        if (caller.isEmpty() && !ping) {
            response.getHeaders().put("WWW-Authenticate", "Basic realm=\"mvlab engine\"");
            return refuse(response, callback, 401, "the engine needs the user's credential "
                    + "(see 'mvlab engine credential')");
        }
        if (WHERE_PATH.equals(path)) {
            response.getHeaders().put("Content-Type", "text/plain; charset=UTF-8");
            response.write(true, java.nio.ByteBuffer.wrap((stateDir + "\n").getBytes(StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
        Upstream target = upstream;
        if (target == null) {
            return refuse(response, callback, 503, "the engine is starting; retry in a moment");
        }
        RelayCaller who = caller.orElse(RelayCaller.CREDENTIAL); // an open /ping asks as the credential's user
        Optional<ClientLimits.Permit> permit = limits.tryEnter(address(request), who);
        if (permit.isEmpty()) {
            response.getHeaders().put("Retry-After", "1");
            return refuse(response, callback, 429, "this client already has " + limits.bound(who)
                    + " requests in the engine; wait for one to end");
        }
        try (ClientLimits.Permit held = permit.get()) {
            relay(request, response, callback, target, path, who);
        }
        return true;
    }

    private static String address(Request request) {
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(request.getConnectionMetaData()
                .getRemoteSocketAddress());
    }

    private void relay(Request request, Response response, Callback callback, Upstream target, String path,
                       RelayCaller who) {
        String rawQuery = request.getHttpURI().getQuery();
        String queryId;
        String forwarded;
        try {
            queryId = RelayRequests.clientQueryId(rawQuery).orElseGet(() -> QueryIds.next("mvlab-relay-"));
            forwarded = RelayRequests.forwardedQuery(rawQuery, queryId);
        } catch (IllegalArgumentException malformed) {
            refuse(response, callback, 400, "malformed query string: " + malformed.getMessage());
            return;
        }
        Optional<RequestBody> read = readBody(request, response, callback);
        if (read.isEmpty()) {
            return;
        }
        try (RequestBody body = read.get()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port()
                    + path + forwarded));
            for (HttpField field : request.getHeaders()) {
                if (!NOT_FORWARDED.contains(field.getLowerCaseName())) {
                    builder.header(field.getName(), field.getValue());
                }
            }
            builder.header("Authorization", Endpoint.basicAuthorization(who.clickhouseUser(),
                    target.config().passwordOf(who.clickhouseUser())));
            builder.header(ChdbConfig.SECRET_HEADER, target.config().secret());
            builder.method(request.getMethod(), body.publisher());
            ClientProbe watch = new ClientProbe(request.getConnectionMetaData().getConnection().getEndPoint());
            HttpResponse<InputStream> answer;
            try {
                answer = awaitAnswer(client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream()),
                        watch, target, queryId);
            } catch (IOException e) {
                refuse(response, callback, 503, "the engine is not answering (it restarts by itself): " + e);
                return;
            }
            if (watch.readAhead()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            pass(answer, response, callback, target, queryId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /** Waits for chDB's answer; when the client goes away meanwhile, its query is killed (the answer still comes). */
    private HttpResponse<InputStream> awaitAnswer(CompletableFuture<HttpResponse<InputStream>> pending,
                                                  ClientProbe watch, Upstream target, String queryId)
            throws IOException, InterruptedException {
        boolean killed = false;
        while (true) {
            try {
                return pending.get(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (!killed && watch.gone()) {
                    cancel(target, queryId);
                    killed = true;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /**
     * Reads the whole body with a short idle timeout: a client that stops sending gets 408 and chDB never sees its
     * request. The connection's own idle timeout applies again while chDB works.
     */
    private Optional<RequestBody> readBody(Request request, Response response, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        long idle = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(BODY_IDLE.toMillis());
        try {
            return Optional.of(RequestBody.read(Content.Source.asInputStream(request), request.getLength(), spool));
        } catch (IOException e) {
            if (isTimeout(e) && !response.isCommitted()) {
                refuse(response, callback, 408, "the request body stopped arriving for " + BODY_IDLE.toSeconds()
                        + " s; the request was not run");
            } else {
                callback.failed(e); // the client left before its request was complete: chDB never saw it
            }
            return Optional.empty();
        } finally {
            endPoint.setIdleTimeout(idle);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies chDB's answer to the client. When the client is gone, the query is cancelled and the rest of the answer
     * is still read to the end and dropped, so that chDB's connection ends normally.
     */
    private void pass(HttpResponse<InputStream> answer, Response response, Callback callback, Upstream target,
                      String queryId) {
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
                cancel(target, queryId);
                in.transferTo(OutputStream.nullOutputStream());
                callback.failed(clientGone);
                return;
            }
            callback.succeeded();
        } catch (IOException upstreamFailed) {
            callback.failed(upstreamFailed);
        }
    }

    /** Kills a query through mvlab's own user (the query may be the credential user's); runs off the caller's thread. */
    private void cancel(Upstream target, String queryId) {
        String literal = SqlLiterals.string(queryId);
        client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", Endpoint.basicAuthorization(ChdbConfig.OWN_USER, target.config().ownPassword()))
                .header(ChdbConfig.SECRET_HEADER, target.config().secret())
                .POST(HttpRequest.BodyPublishers.ofString("KILL QUERY WHERE query_id = " + literal + " ASYNC"))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=UTF-8");
        response.write(true, java.nio.ByteBuffer.wrap(("mvlab engine: " + message + "\n")
                .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
