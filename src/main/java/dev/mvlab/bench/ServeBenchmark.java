package dev.mvlab.bench;

import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.NdjsonExport;
import dev.mvlab.generate.Progress;
import dev.mvlab.clickhouse.RetryPolicy;
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
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final String NDJSON = "application/x-ndjson";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SINGLE_WARM_UP = Duration.ofSeconds(20);

    private final Database admin;
    private final ProjectGraph graph;
    private final SqlRenderer renderer;
    private final Path workDir;
    private final CpuClock engineCpu;
    private final List<String> serveArguments;

    /** The sizes of the three measurements. */
    public record Sizes(long events, int batchLines, int batchClients, int singleEvents, int singleClients,
                        int endpointCalls, int endpointClients, Duration wrkDuration) {
        /** The same without the wrk comparison. */
        public Sizes(long events, int batchLines, int batchClients, int singleEvents, int singleClients,
                     int endpointCalls, int endpointClients) {
            this(events, batchLines, batchClients, singleEvents, singleClients, endpointCalls, endpointClients,
                    Duration.ZERO);
        }
    }

    /** @param engineCpu the engine's CPU time (its relay and chDB), or {@link CpuClock#UNKNOWN} */
    public ServeBenchmark(Database admin, ProjectGraph graph, SqlRenderer renderer, Path workDir, CpuClock engineCpu) {
        this(admin, graph, renderer, workDir, engineCpu, null);
    }

    /**
     * @param serveArguments the project and engine options for a {@code mvlab serve} in its own JVM, which the
     *                       single-event posts then measure; null: they measure the API in this JVM
     */
    public ServeBenchmark(Database admin, ProjectGraph graph, SqlRenderer renderer, Path workDir, CpuClock engineCpu,
                          List<String> serveArguments) {
        this.serveArguments = serveArguments == null ? null : List.copyOf(serveArguments);
        this.admin = admin;
        this.graph = graph;
        this.renderer = renderer;
        this.workDir = workDir;
        this.engineCpu = engineCpu;
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
                String bearer = "Bearer " + token;
                {
                    // uncounted warm-ups of both ways: the rounds measure compiled code, not the JIT at work. The API
                    // gets the path it is measured on (posts answered before their commit) twice: with one round of
                    // 50,000 events, JFR still saw 29 compilations and 7 s of compiler time within the measured posts
                    int warmEvents = (int) Math.min(lines.size(), 50_000);
                    List<byte[]> warmUp = batches(lines, warmEvents, sizes.batchLines());
                    String warmUri = api.url() + "/v0/events?name=" + LANDING;
                    for (int round = 0; round < 2; round++) {
                        truncate(db);
                        LoadClients.run(sizes.batchClients(), warmUp.size(), (http, i) -> post(http, warmUri, bearer,
                                warmUp.get(i)));
                        awaitCount(db, warmEvents, "the warm-up posts");
                    }
                    new LandingIngest(db, landing, workDir.resolve("checkpoints"), BatchSettings.DEFAULT,
                            RetryPolicy.DEFAULT).run(options, true, RunLimits.events(2L * warmEvents), false,
                            Progress.Listener.NONE);

                    truncate(db);
                    CpuSpent.Meter directMeter = new CpuSpent.Meter(engineCpu);
                    GenerateResult direct = new LandingIngest(db, landing, workDir.resolve("checkpoints"),
                            BatchSettings.DEFAULT, RetryPolicy.DEFAULT).run(options, true,
                            RunLimits.events(sizes.events()), false, Progress.Listener.NONE);
                    expectCount(db, sizes.events(), "the direct ingest");
                    CpuSpent directCpu = directMeter.stop(sizes.events());

                    truncate(db);
                    List<byte[]> bodies = batches(lines, (int) sizes.events(), sizes.batchLines());
                    String batchUri = api.url() + "/v0/events?name=" + LANDING;
                    CpuSpent.Meter apiMeter = new CpuSpent.Meter(engineCpu);
                    long batchStart = System.nanoTime();
                    LoadClients.Outcome batches = LoadClients.run(sizes.batchClients(), bodies.size(),
                            (http, i) -> post(http, batchUri, bearer, bodies.get(i)));
                    awaitCount(db, sizes.events(), "the Events API batches");
                    double apiRate = sizes.events() / ((System.nanoTime() - batchStart) / 1e9);
                    CpuSpent apiCpu = apiMeter.stop(sizes.events()).withLoadClient(batches.clientCpuSeconds(),
                            sizes.events());

                    truncate(db);
                    // the single-event posts measure the server as users run it: mvlab serve in its own JVM (here
                    // the server shares its JVM, heap and GC with the generated events and the load client)
                    StringBuilder why = new StringBuilder();
                    Optional<ServeProcess> own = serveArguments == null ? Optional.empty() : ServeProcess.start(
                            DATABASE, serveArguments, workDir.resolve("serve-process.log"), Duration.ofMinutes(3), why);
                    LoadClients.Outcome singles;
                    ServeBenchResult.WrkCheck wrkCheck;
                    String singleServer = own.map(ServeProcess::describe).orElse("the API in the bench's JVM"
                            + (why.length() == 0 ? "" : " (" + why + ")"));
                    double singleServerCpu = Double.NaN;
                    try {
                        String singleUri = own.map(p -> p.url() + "/v0/events?name=" + LANDING).orElse(batchUri);
                        String singleBearer = own.map(p -> "Bearer " + p.adminToken()).orElse(bearer);
                        List<NioLoadClient.Call> singleCalls = new ArrayList<>(sizes.singleEvents());
                        for (int i = 0; i < sizes.singleEvents(); i++) {
                            singleCalls.add(NioLoadClient.post(singleUri, singleBearer, NDJSON, lines.get(i)));
                        }
                        // uncounted posts first, for a while: the warm-ups above posted batches, not single events,
                        // and a server in a new JVM compiles its path anew (on the loaded 2-core machine its first
                        // 20,000 posts cost 150 us of its CPU each, 60 us half a minute later; after 10 s of
                        // posts it still ran at less than half the rate of 20 s later)
                        NioLoadClient.of(singleUri, sizes.singleClients(), ANSWER_TIMEOUT).run(singleCalls.size(),
                                SINGLE_WARM_UP, singleCalls::get);
                        // then wrk beside the load client, which warms the server further before the counted posts
                        wrkCheck = wrkCheck(sizes, singleUri, singleBearer, lines);
                        awaitQuiet(db);
                        truncate(db);
                        CpuClock serverCpu = own.map(ServeProcess::cpu).orElse(CpuClock.UNKNOWN);
                        long cpuBefore = serverCpu.nanos();
                        singles = NioLoadClient.of(singleUri, sizes.singleClients(), ANSWER_TIMEOUT)
                                .run(singleCalls.size(), singleCalls::get);
                        if (cpuBefore >= 0 && serverCpu.nanos() >= 0) {
                            singleServerCpu = (serverCpu.nanos() - cpuBefore) / 1e9;
                        }
                        awaitCount(db, sizes.singleEvents(), "the single-event posts");
                    } finally {
                        own.ifPresent(ServeProcess::close);
                    }

                    String query = ENDPOINT_PARAMS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .reduce((a, b) -> a + "&" + b).orElse("");
                    String endpointUri = api.url() + "/v0/pipes/" + ENDPOINT + ".json?" + query;
                    String sql = new EndpointSql(graph).sql(ENDPOINT, ParameterValues.of(ENDPOINT_PARAMS));
                    String straightUri = straightUri(db, sql + "\nFORMAT JSON");
                    String basic = db.endpoint().authorization();
                    LoadClients.Outcome viaApi = null;
                    LoadClients.Outcome viaClickHouse = null;
                    for (int round = 0; round < 2; round++) { // the first round of each warms up
                        viaClickHouse = LoadClients.run(sizes.endpointClients(), sizes.endpointCalls(),
                                (http, i) -> get(http, straightUri, basic));
                        viaApi = LoadClients.run(sizes.endpointClients(), sizes.endpointCalls(),
                                (http, i) -> get(http, endpointUri, bearer));
                    }
                    LoadClients.Outcome oneApi = LoadClients.run(1, sizes.endpointCalls() / 5,
                            (http, i) -> get(http, endpointUri, bearer));
                    LoadClients.Outcome oneClickHouse = LoadClients.run(1, sizes.endpointCalls() / 5,
                            (http, i) -> get(http, straightUri, basic));
                    return new ServeBenchResult(sizes.events(), sizes.batchLines(), sizes.batchClients(),
                            direct.rate(), apiRate, directCpu, apiCpu, batches, singles, sizes.singleClients(),
                            "/v0/pipes/" + ENDPOINT + ".json?" + query, viaApi, viaClickHouse,
                            sizes.endpointClients(), oneApi, oneClickHouse, startup, wrkCheck, singleServer,
                            singleServerCpu);
                }
            }
        } finally {
            admin.dropDatabase(DATABASE);
        }
    }

    /**
     * wrk posts the first event for {@code wrkDuration} with the single-event clients' number of connections, between
     * two runs of the load client posting the same event as long through as many connections (before and after, so
     * that a server still warming up or a machine getting busier weighs on both sides alike); skipped (and said why)
     * without wrk or with a zero duration.
     */
    private ServeBenchResult.WrkCheck wrkCheck(Sizes sizes, String uri, String bearer, List<byte[]> lines) {
        if (sizes.wrkDuration().isZero()) {
            return new ServeBenchResult.WrkCheck(java.util.Optional.empty(), null, null, "not asked (--wrk-seconds 0)");
        }
        java.util.Optional<Path> wrk = WrkComparison.find();
        if (wrk.isEmpty()) {
            return new ServeBenchResult.WrkCheck(java.util.Optional.empty(), null, null,
                    "no wrk on the PATH (docs/benchmarks.md: how to get it without root)");
        }
        // the same post, the same connections, for as long as wrk
        NioLoadClient.Call same = NioLoadClient.post(uri, bearer, NDJSON, lines.get(0));
        LoadClients.Outcome before = NioLoadClient.of(uri, sizes.singleClients(), ANSWER_TIMEOUT)
                .run(1, sizes.wrkDuration(), i -> same);
        WrkComparison.Figures figures = WrkComparison.run(wrk.get(), workDir.resolve("wrk"), uri, bearer,
                lines.get(0), sizes.singleClients(), sizes.wrkDuration());
        LoadClients.Outcome after = NioLoadClient.of(uri, sizes.singleClients(), ANSWER_TIMEOUT)
                .run(1, sizes.wrkDuration(), i -> same);
        return new ServeBenchResult.WrkCheck(java.util.Optional.of(figures), before, after, "wrk " + wrk.get());
    }

    private static Request post(HttpClient http, String uri, String authorization, byte[] body) {
        return http.newRequest(uri).method(HttpMethod.POST).timeout(60, TimeUnit.SECONDS)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization))
                .body(new BytesRequestContent("application/x-ndjson", body));
    }

    private static Request get(HttpClient http, String uri, String authorization) {
        return http.newRequest(uri).timeout(60, TimeUnit.SECONDS)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization));
    }

    /** The endpoint's SQL as ClickHouse's own HTTP interface takes it, with the API's read-only settings. */
    private static String straightUri(Database db, String sql) {
        StringBuilder uri = new StringBuilder(db.endpoint().httpUrl()).append("/?database=")
                .append(URLEncoder.encode(db.name(), StandardCharsets.UTF_8)).append("&query=")
                .append(URLEncoder.encode(sql, StandardCharsets.UTF_8));
        QueryRunner.SETTINGS.forEach((k, v) -> uri.append('&').append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return uri.toString();
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
        for (dev.mvlab.clickhouse.TableEntry table : dev.mvlab.clickhouse.ServerCatalog.of(db).tables(db.name())) {
            if (table.engine().contains("MergeTree")) {
                db.execute("TRUNCATE TABLE " + Identifiers.quote(db.name()) + "." + Identifiers.quote(table.name()));
            }
        }
    }

    private static void expectCount(Database db, long events, String what) {
        long count = db.queryLong("SELECT count() FROM " + LANDING);
        if (count != events) {
            throw new MvlabException(ExitCode.VERDICT, what + " left " + count + " rows in " + LANDING + ", expected "
                    + events, null);
        }
    }

    /** Waits until the row count stops growing (posts of unknown number, e.g. wrk's, all committed). */
    private static void awaitQuiet(Database db) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long count = db.queryLong("SELECT count() FROM " + LANDING);
            if (count == last) {
                return;
            }
            last = count;
            try {
                Thread.sleep(1000); // longer than the group commit's linger
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
