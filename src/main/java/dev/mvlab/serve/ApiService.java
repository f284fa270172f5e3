package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.Project;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A running local Tinybird API on one project database: the HTTP server, the event ingest behind it and the tokens.
 * {@link #close} stops taking requests, then commits what is queued.
 */
public final class ApiService implements AutoCloseable {
    private final ApiServer server;
    private final EventIngest ingest;
    private final TokenStore tokens;
    private final QueryRoles roles;
    private final String url;
    private final Duration startup;

    private ApiService(ApiServer server, EventIngest ingest, TokenStore tokens, QueryRoles roles, String url,
                       Duration startup) {
        this.server = server;
        this.roles = roles;
        this.ingest = ingest;
        this.tokens = tokens;
        this.url = url;
        this.startup = startup;
    }

    /** Starts serving {@code project} (already applied to {@code db}) on the settings' host and port. */
    public static ApiService start(Database db, ProjectGraph graph, SqlRenderer renderer, ServeSettings settings) {
        long started = System.nanoTime();
        Project project = graph.project();
        Endpoints endpoints = new ProjectEndpoints(graph);
        TokenStore tokens = TokenStore.load(project, settings.stateDir().resolve("tokens.json"));
        IdempotencyKeys keys = IdempotencyKeys.open(settings.stateDir().resolve("idempotency-keys." + db.name()),
                settings.keys(), Clock.systemUTC());
        EventIngest ingest = new EventIngest(db, graph, renderer, RetryPolicy.within(settings.retryBudget()), keys);
        HttpQueries http = new HttpQueries(db.endpoint());
        QueryRunner queries = new QueryRunner(http, db.name(), QueryRoles.detect(http, db.name()));
        ApiRoutes routes = new ApiRoutes(tokens, ingest, endpoints, queries, new Listings(project, db));
        ApiServer server = new ApiServer(routes, settings.host(), settings.port(), settings.maxBodyBytes(),
                settings.door(), value -> tokens.byValue(value).isPresent());
        int port;
        try {
            port = server.start();
        } catch (Exception e) {
            server.close();
            ingest.close();
            throw new MvlabException(ExitCode.USAGE, "cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), "choose another port with --port, or stop what uses it");
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new ApiService(server, ingest, tokens, queries.roles(), "http://" + host + ":" + port,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The ClickHouse roles serve's queries run under. */
    public QueryRoles queryRoles() {
        return roles;
    }

    public String url() {
        return url;
    }

    public List<Token> tokens() {
        return tokens.all();
    }

    public Token adminToken() {
        return tokens.admin();
    }

    /** What the server exposes, for a notice when it listens off loopback. */
    public List<String> exposure() {
        return Exposure.describe(url, server.hosts(), tokens.all());
    }

    /** How long starting the HTTP side took (the engine and apply not counted). */
    public Duration startup() {
        return startup;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        server.close();
        ingest.close();
    }
}
