package dev.mvlab.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.mvlab.serve.door.DoorHandler;
import dev.mvlab.serve.door.DoorSettings;
import dev.mvlab.serve.door.HostNames;
import dev.mvlab.serve.door.JsonErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** The HTTP server (Jetty, core handlers) in front of {@link ApiRoutes}. */
public final class ApiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final HostNames hosts;

    public ApiServer(ApiRoutes routes, String host, int port, long maxBodyBytes) {
        this(routes, host, port, maxBodyBytes, DoorSettings.DEFAULT, token -> false);
    }

    /** Serves {@code routes} behind the door ({@link DoorHandler}); every error Jetty answers itself is JSON. */
    public ApiServer(ApiRoutes routes, String host, int port, long maxBodyBytes, DoorSettings door,
                     Predicate<String> knownToken) {
        QueuedThreadPool threads = new QueuedThreadPool(400, 8);
        threads.setName("mvlab-serve");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        this.hosts = HostNames.of(host, door.allowedHosts());
        server.setHandler(new DoorHandler(new RoutesHandler(routes, maxBodyBytes), hosts, door, knownToken));
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(5000);
    }

    /** Starts listening; returns the port (the OS's choice when 0 was asked). */
    public int start() throws Exception {
        server.start();
        return connector.getLocalPort();
    }

    /** The names the door accepts in {@code Host}. */
    public HostNames hosts() {
        return hosts;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort
        }
    }

    private static final class RoutesHandler extends Handler.Abstract {
        private final ApiRoutes routes;
        private final long maxBodyBytes;

        RoutesHandler(ApiRoutes routes, long maxBodyBytes) {
            this.routes = routes;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ApiReply reply;
            try {
                reply = routes.handle(toApi(request));
            } catch (ApiException e) {
                reply = ApiReply.of(e);
            } catch (RuntimeException e) {
                reply = ApiReply.error(500, "internal error: " + e);
            } catch (StackOverflowError e) {
                reply = ApiReply.error(400, "the request is nested too deeply to read");
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }

        private ApiRequest toApi(Request request) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            Fields query = Request.extractQueryParameters(request);
            query.forEach(f -> params.computeIfAbsent(f.getName(), k -> new ArrayList<>()).addAll(f.getValues()));
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            // curl -d sends events as a form: the Events API always reads its body as NDJSON
            boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                    && !Request.getPathInContext(request).equals("/v0/events");
            ApiRequest.BodySupplier body = () -> readBody(request);
            if (form && request.getMethod().equals("POST")) {
                byte[] bytes = readBody(request);
                Fields fields = new Fields();
                org.eclipse.jetty.util.UrlEncoded.decodeUtf8To(new String(bytes,
                        java.nio.charset.StandardCharsets.UTF_8), fields);
                fields.forEach(f -> params.computeIfAbsent(f.getName(), k -> new ArrayList<>()).addAll(f.getValues()));
                body = () -> new byte[0];
            }
            return new ApiRequest(request.getMethod(), Request.getPathInContext(request), params,
                    name -> request.getHeaders().get(name), body);
        }

        private byte[] readBody(Request request) {
            try (InputStream raw = Content.Source.asInputStream(request)) {
                String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
                long length = request.getLength();
                if (encoding == null && length >= 0 && length <= maxBodyBytes) {
                    // the declared length exactly: readNBytes(limit) allocates and copies 8 KB chunks per request,
                    // 30% of serve's allocations (hence of its GC pauses) under single-event posts (JFR)
                    byte[] bytes = new byte[(int) length];
                    int read = raw.readNBytes(bytes, 0, bytes.length);
                    if (read < length) {
                        throw ApiException.badRequest("The request body ended after " + read + " of its " + length
                                + " bytes (Content-Length)");
                    }
                    return bytes;
                }
                InputStream in = encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")
                        ? new GZIPInputStream(raw, 65536) : raw;
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes + 1));
                if (bytes.length > maxBodyBytes) {
                    throw new ApiException(413, "The request body is over the limit of " + maxBodyBytes
                            + " bytes: split it into smaller requests");
                }
                return bytes;
            } catch (java.util.zip.ZipException e) {
                throw ApiException.badRequest("The body says Content-Encoding: gzip but is not gzip: " + e.getMessage());
            } catch (IOException e) {
                throw ApiException.badRequest("Cannot read the request body: " + e.getMessage());
            }
        }
    }
}
