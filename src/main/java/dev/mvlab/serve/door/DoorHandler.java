package dev.mvlab.serve.door;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The door in front of the API's routes. In order: an unknown {@code Content-Encoding} gets 415; a {@code Host} that
 * does not name this server 421; {@code /tokens} answers only a loopback client that names a loopback host and sends
 * no {@code Origin} (else 403); a preflight gets its CORS answer; a web page's request without a token 403; a
 * token-authenticated answer to a page carries {@code Access-Control-Allow-Origin}; a query beyond its token's share
 * 429 with {@code Retry-After}. Queries that pass run under the time limit, watched for their client leaving.
 */
public final class DoorHandler extends Handler.Wrapper {
    /** The route that hands out the admin token. */
    public static final String TOKENS_PATH = "/tokens";
    private static final Pattern QUERY_ROUTE = Pattern.compile("^/v0/(sql|pipes/[^/]+\\.[A-Za-z]+)$");
    private static final Set<String> KNOWN_ENCODINGS = Set.of("gzip", "x-gzip", "identity");

    private final HostNames hosts;
    private final DoorSettings settings;
    private final Predicate<String> knownToken;
    private final QueryPermits permits;
    private final RunningQueryWatch watch = new RunningQueryWatch();

    /** @param knownToken true for the value of a token of the project (the door does not check its scopes) */
    public DoorHandler(Handler routes, HostNames hosts, DoorSettings settings, Predicate<String> knownToken) {
        super(routes);
        this.hosts = hosts;
        this.settings = settings;
        this.knownToken = knownToken;
        this.permits = new QueryPermits(settings.queriesPerToken());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !KNOWN_ENCODINGS.contains(encoding.strip().toLowerCase(Locale.ROOT))) {
            return refuse(response, callback, 415, "Content-Encoding '" + encoding + "' is not supported: send the "
                    + "body as is or with Content-Encoding: gzip");
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!hosts.allows(host)) {
            return refuse(response, callback, 421, "this server does not answer to the host '" + host + "': use "
                    + "one of " + hosts.names() + ", or allow the name with --allow-host");
        }
        if (path.equals(TOKENS_PATH)) {
            Optional<String> refusal = tokensRefusal(request, host, origin);
            if (refusal.isPresent()) {
                return refuse(response, callback, 403, refusal.get());
            }
            return super.handle(request, response, callback);
        }
        if (CrossOrigin.isPreflight(request.getMethod(), origin,
                request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD))) {
            CrossOrigin.preflight(response.getHeaders());
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
        String token = token(request);
        boolean authenticated = token != null && knownToken.test(token);
        if (origin != null && !hosts.allows(originAuthority(origin)) && token == null) {
            return refuse(response, callback, 403, "a request from a web page (Origin: " + origin + ") needs a "
                    + "token: send it as 'Authorization: Bearer <token>' or ?token=<token>");
        }
        if (origin != null && authenticated) {
            CrossOrigin.allowed(response.getHeaders());
        }
        if (!authenticated || !QUERY_ROUTE.matcher(path).matches()) {
            return super.handle(request, response, callback);
        }
        Optional<QueryPermits.Permit> permit = permits.tryAcquire(token);
        if (permit.isEmpty()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return refuse(response, callback, 429, "Too many requests: this token already runs "
                    + permits.perToken() + " queries at once; retry after 1 s");
        }
        return query(request, response, callback, permit.get());
    }

    private boolean query(Request request, Response response, Callback callback, QueryPermits.Permit permit)
            throws Exception {
        ServedRequest served = watch.begin(settings.queryTimeout(),
                request.getConnectionMetaData().getConnection().getEndPoint());
        try (permit) {
            boolean handled = super.handle(request, response, callback);
            if (served.readAhead()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            return handled;
        } finally {
            watch.end(served);
        }
    }

    /** Why {@code /tokens} is refused to this request, if it is. */
    private Optional<String> tokensRefusal(Request request, String host, String origin) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress client = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (client == null || !settings.loopback().test(client)) {
            return Optional.of("/tokens hands out the admin token to this machine only (a loopback client); "
                    + "copy the token from the output of 'mvlab serve' instead");
        }
        if (!HostNames.isLoopbackName(host)) {
            return Optional.of("/tokens answers only to a loopback host name (localhost, 127.0.0.1, [::1]), not '"
                    + host + "'");
        }
        if (origin != null) {
            return Optional.of("/tokens does not answer web pages (Origin: " + origin + ")");
        }
        return Optional.empty();
    }

    /** The token of the request: {@code Authorization: Bearer} or {@code ?token=}; null when there is none. */
    private static String token(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = authorization.substring(7).strip();
            return value.isEmpty() ? null : value;
        }
        Fields query = Request.extractQueryParameters(request);
        String value = query.getValue("token");
        return value == null || value.isBlank() ? null : value;
    }

    /** The {@code host[:port]} of an Origin such as {@code http://localhost:7181}; "null" for an opaque origin. */
    private static String originAuthority(String origin) {
        int scheme = origin.indexOf("://");
        return scheme < 0 ? "null" : origin.substring(scheme + 3);
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        JsonErrors.write(response, callback, status, message);
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        watch.close();
        super.doStop();
    }
}
