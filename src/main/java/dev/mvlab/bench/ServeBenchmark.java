package dev.mvlab.bench;

import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.NdjsonExport;
import dev.mvlab.generate.Progress;
import dev.mvlab.generate.RetryPolicy;
import dev.mvlab.generate.RunLimits;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.DataSource;
import dev.mvlab.render.EndpointSql;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.serve.ApiService;
import dev.mvlab.serve.QueryRunner;
import dev.mvlab.serve.ServeSettings;
import dev.mvlab.serve.door.DoorSettings;
import dev.mvlab.template.ParameterValues;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code mvlab bench serve}: the API against its baselines, side by side in one run on the workshop project (its
 * materialized views attached) in a database of its own: Events API ingest of NDJSON batches vs the generator's
 * direct ingest; single-event posts from many clients; endpoint calls vs the same SQL sent straight to ClickHouse.
 */
public final class ServeBenchmark {
    public static final String DATABASE = "mvlab_bench_serve";
    static final String LANDING = "estore_events";
    static final String ENDPOINT = "top_products";
    static final Map<String, String> ENDPOINT_PARAMS = Map.of("hours", "100000", "limit", "5");

    private final Database admin;
    private final ProjectGraph graph;
    private final SqlRenderer renderer;
    private final Path workDir;

    /** The sizes of the three measurements. */
    public record Sizes(long events, int batchLines, int batchClients, int singleEvents, int singleClients,
                        int endpointCalls, int endpointClients) {
    }

    public ServeBenchmark(Database admin, ProjectGraph graph, SqlRenderer renderer, Path workDir) {
        this.admin = admin;
        this.graph = graph;
        this.renderer = renderer;
        this.workDir = workDir;
    }

    public ServeBenchResult run(Sizes sizes) {
        DataSource landing = graph.project().datasource(LANDING).orElseThrow(() -> new MvlabException(
                ExitCode.USAGE, "bench serve needs the workshop project (data source " + LANDING + ")",
                "run it from the mvlab repository folder"));
        admin.dropDatabase(DATABASE);
        new Apply(admin, renderer).run(graph, DATABASE, ApplyOptions.DEFAULT);
        try (Database db = admin.use(DATABASE)) {
            StreamOptions options = StreamOptions.defaults(7);
            List<byte[]> lines = lines(options, Math.max(sizes.events(), sizes.singleEvents()));
            // every endpoint client calls with the one admin token: let it run that many queries at once
            ServeSettings settings = new ServeSettings("127.0.0.1", 0, workDir.resolve("serve"), 64L << 20)
                    .withDoor(DoorSettings.DEFAULT.withQueriesPerToken(Math.max(DoorSettings.DEFAULT_QUERIES_PER_TOKEN,
                            sizes.endpointClients())));
            long started = System.nanoTime();
            try (ApiService api = ApiService.start(db, graph, renderer, settings)) {
                double startup = (System.nanoTime() - started) / 1e9;
                String token = api.adminToken().value();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

                // uncounted warm-ups of both ways: the rounds measure compiled code, not the JIT at work
                List<byte[]> warmUp = batches(lines, (int) Math.min(lines.size(), 50_000), sizes.batchLines());
                URI warmUri = URI.create(api.url() + "/v0/events?name=" + LANDING + "&wait=true");
                LoadClients.run(sizes.batchClients(), warmUp.size(), i -> client.send(HttpRequest.newBuilder(warmUri)
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(
                                warmUp.get(i))).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                new LandingIngest(db, landing, workDir.resolve("checkpoints"), BatchSettings.DEFAULT,
                        RetryPolicy.DEFAULT).run(options, true, RunLimits.events(50_000), false, Progress.Listener.NONE);

                truncate(db);
                GenerateResult direct = new LandingIngest(db, landing, workDir.resolve("checkpoints"),
                        BatchSettings.DEFAULT, RetryPolicy.DEFAULT).run(options, true, RunLimits.events(sizes.events()),
                        false, Progress.Listener.NONE);
                expectCount(db, sizes.events(), "the direct ingest");

                truncate(db);
                List<byte[]> bodies = batches(lines, (int) sizes.events(), sizes.batchLines());
                URI batchUri = URI.create(api.url() + "/v0/events?name=" + LANDING);
                long batchStart = System.nanoTime();
                LoadClients.Outcome batches = LoadClients.run(sizes.batchClients(), bodies.size(), i -> client.send(
                        HttpRequest.newBuilder(batchUri).header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
                awaitCount(db, sizes.events(), "the Events API batches");
                double apiRate = sizes.events() / ((System.nanoTime() - batchStart) / 1e9);

                truncate(db);
                URI singleUri = URI.create(api.url() + "/v0/events?name=" + LANDING);
                LoadClients.Outcome singles = LoadClients.run(sizes.singleClients(), sizes.singleEvents(),
                        i -> client.send(HttpRequest.newBuilder(singleUri).header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(lines.get(i))).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode());
                awaitCount(db, sizes.singleEvents(), "the single-event posts");

                String query = ENDPOINT_PARAMS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + "&" + b).orElse("");
                URI endpointUri = URI.create(api.url() + "/v0/pipes/" + ENDPOINT + ".json?" + query);
                String sql = new EndpointSql(graph).sql(ENDPOINT, ParameterValues.of(ENDPOINT_PARAMS));
                HttpQueries straight = new HttpQueries(db.endpoint());
                LoadClients.Outcome viaApi = null;
                LoadClients.Outcome viaClickHouse = null;
                for (int round = 0; round < 2; round++) { // the first round of each warms up
                    viaClickHouse = LoadClients.run(sizes.endpointClients(), sizes.endpointCalls(), i -> straight.query(
                            DATABASE, sql + "\nFORMAT JSON", QueryRunner.SETTINGS).status());
                    viaApi = LoadClients.run(sizes.endpointClients(), sizes.endpointCalls(), i -> client.send(
                            HttpRequest.newBuilder(endpointUri).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofByteArray()).statusCode());
                }
                return new ServeBenchResult(sizes.events(), sizes.batchLines(), sizes.batchClients(), direct.rate(),
                        apiRate, batches, singles, sizes.singleClients(), "/v0/pipes/" + ENDPOINT + ".json?" + query, viaApi,
                        viaClickHouse, sizes.endpointClients(), startup);
            }
        } finally {
            admin.dropDatabase(DATABASE);
        }
    }

    private static List<byte[]> lines(StreamOptions options, long events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, events * 160));
        new NdjsonExport().write(options, RunLimits.events(events), out, "bench", Progress.Listener.NONE);
        byte[] all = out.toByteArray();
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        return lines;
    }

    private static List<byte[]> batches(List<byte[]> lines, int events, int size) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < events; from += size) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(size * 160);
            for (int i = from; i < Math.min(events, from + size); i++) {
                body.writeBytes(lines.get(i));
            }
            bodies.add(body.toByteArray());
        }
        return bodies;
    }

    private static void truncate(Database db) {
        for (List<Object> row : db.query("SELECT name FROM system.tables WHERE database = ? AND engine LIKE "
                + "'%MergeTree%'", db.name()).rows()) {
            db.execute("TRUNCATE TABLE " + Identifiers.quote(db.name()) + "." + Identifiers.quote((String) row.get(0)));
        }
    }

    private static void expectCount(Database db, long events, String what) {
        long count = db.queryLong("SELECT count() FROM " + LANDING);
        if (count != events) {
            throw new MvlabException(ExitCode.VERDICT, what + " left " + count + " rows in " + LANDING + ", expected "
                    + events, null);
        }
    }

    /** Waits for the rows that 202 answers accepted to be committed. */
    private static void awaitCount(Database db, long events, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (db.queryLong("SELECT count() FROM " + LANDING) < events && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        expectCount(db, events, what);
    }
}
