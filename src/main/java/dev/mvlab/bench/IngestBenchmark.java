package dev.mvlab.bench;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.JsonPathMapping;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.LandingTable;
import dev.mvlab.generate.Progress;
import dev.mvlab.generate.RunLimits;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.files.FileTrees;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures ingest into a workshop-like landing table with materialized views attached (a purchases filter, an hourly
 * AggregatingMergeTree roll-up of views, and an hourly revenue roll-up chained on the purchases), in its own
 * database: end to end through {@link LandingIngest}, and the server-side ceiling for the same NDJSON. The ceiling
 * stages the same lines on the server first (one insert per batch into a table of raw lines, {@link StagedBatches}),
 * then times one {@code INSERT INTO landing SELECT <the same JSONPath mapping> FROM staging} with
 * {@code max_insert_threads} = the server's cores: the server's own work (mapping, landing table, views, merges)
 * without generating, sending or receiving the lines. Needs no file/URL/remote access on the engine. Rounds alternate
 * the two so that a busy machine hurts both; an uncounted end-to-end warm-up comes first.
 */
public final class IngestBenchmark {
    public static final String DATABASE = "mvlab_bench";
    private static final long WARM_UP = 300_000;
    static final String LANDING = "estore_stream";
    static final String STAGING = "staged_lines";
    private static final List<String> TABLES = List.of(LANDING, "purchases_mv", "hourly_views_mv",
            "hourly_revenue_mv");
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE estore_stream (action String, customer_id String, product_id String, product_info String,"
                    + " timestamp DateTime) ENGINE = MergeTree PARTITION BY toYear(timestamp)"
                    + " ORDER BY (timestamp, action, customer_id, product_id)",
            "CREATE TABLE purchases_mv (timestamp DateTime, customer_id String, product_id String, price Float64)"
                    + " ENGINE = MergeTree PARTITION BY toYear(timestamp) ORDER BY (timestamp, customer_id)",
            "CREATE MATERIALIZED VIEW feed_purchases_mv TO purchases_mv AS SELECT timestamp, customer_id,"
                    + " product_id, JSONExtractFloat(product_info, 'price') AS price FROM estore_stream"
                    + " WHERE action = 'purchase'",
            "CREATE TABLE hourly_views_mv (hour DateTime, product_id String, views AggregateFunction(count),"
                    + " customers AggregateFunction(uniq, String)) ENGINE = AggregatingMergeTree"
                    + " ORDER BY (hour, product_id)",
            "CREATE MATERIALIZED VIEW feed_hourly_views_mv TO hourly_views_mv AS SELECT toStartOfHour(timestamp)"
                    + " AS hour, product_id, countState() AS views, uniqState(customer_id) AS customers"
                    + " FROM estore_stream WHERE action = 'view' GROUP BY hour, product_id",
            "CREATE TABLE hourly_revenue_mv (hour DateTime, revenue AggregateFunction(sum, Float64))"
                    + " ENGINE = AggregatingMergeTree ORDER BY hour",
            "CREATE MATERIALIZED VIEW feed_hourly_revenue_mv TO hourly_revenue_mv AS SELECT toStartOfHour(timestamp)"
                    + " AS hour, sumState(price) AS revenue FROM purchases_mv GROUP BY hour");

    private final Database admin;
    private final Path workDir;
    private final CpuClock serverCpu;
    private final CpuClock relayCpu;

    /**
     * @param admin     a connection to any existing database of the server; {@code workDir} holds the checkpoints
     * @param serverCpu the engine process's CPU time, or {@link CpuClock#UNKNOWN}
     */
    public IngestBenchmark(Database admin, Path workDir, CpuClock serverCpu) {
        this(admin, workDir, serverCpu, CpuClock.UNKNOWN);
    }

    /** @param relayCpu the CPU time of the engine's relay alone (a part of {@code serverCpu}), or unknown */
    public IngestBenchmark(Database admin, Path workDir, CpuClock serverCpu, CpuClock relayCpu) {
        this.admin = admin;
        this.workDir = workDir;
        this.serverCpu = serverCpu;
        this.relayCpu = relayCpu;
    }

    /** The embedded engine whose relay runs as process {@code pid} (chDB as its child): both clocks. */
    public static IngestBenchmark ofLocalEngine(Database admin, Path workDir, long pid) {
        return new IngestBenchmark(admin, workDir, CpuClock.linuxProcess(pid), CpuClock.linuxProcessAlone(pid));
    }

    /** The workshop's landing data source, as its datafile declares it. */
    public static DataSource landing() {
        return new DataSource(LANDING, "e-store events (bench)", List.of(
                column("action", "String", "$.action"),
                column("customer_id", "String", "$.customer_id"),
                column("product_id", "String", "$.product.product_id"),
                column("product_info", "String", "$.product"),
                column("timestamp", "DateTime", "$.timestamp")), null, List.of(), List.of(), List.of(), List.of(),
                null);
    }

    private static Column column(String name, String type, String path) {
        return new Column(name, type, path, null, null, null);
    }

    public BenchResult run(long events, BatchSettings batching, int rounds) {
        admin.dropDatabase(DATABASE);
        admin.createDatabase(DATABASE);
        Path checkpoints = workDir.resolve("checkpoints");
        try (Database db = admin.use(DATABASE)) {
            SCHEMA.forEach(db::execute);
            StreamOptions options = StreamOptions.defaults(1);
            StagedBatches staged = StagedBatches.upload(db, STAGING, options, events, batching.size());
            JsonPathMapping mapping = JsonPathMapping.of(landing(), new LandingTable(db, LANDING)
                    .columnTypes(landing()));
            // the ceiling may use every core of the server for one insert
            long threads = db.queryLong("SELECT toUInt64(getSetting('max_threads'))");
            String serverInsert = ceilingInsert(mapping, staged.table(), threads, batching.size());
            List<Double> client = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            CpuClock clientCpu = CpuClock.thisProcess();
            // an uncounted warm-up: the rounds measure compiled code, not the JIT at work
            new LandingIngest(db, landing(), checkpoints, batching, RetryPolicy.DEFAULT).run(options, true,
                    RunLimits.events(Math.min(events, WARM_UP)), false, Progress.Listener.NONE);
            long[] endToEnd = new long[3];
            long[] serverSide = new long[3];
            for (int round = 0; round < rounds; round++) {
                truncate(db);
                long[] before = now(clientCpu);
                GenerateResult result = new LandingIngest(db, landing(), checkpoints, batching, RetryPolicy.DEFAULT)
                        .run(options, true, RunLimits.events(events), false, Progress.Listener.NONE);
                settle(db);
                add(endToEnd, before, now(clientCpu));
                expectCount(db, events, "the end-to-end run");
                client.add(result.rate());
                truncate(db);
                before = now(clientCpu);
                long start = System.nanoTime();
                db.execute(serverInsert);
                server.add(events / ((System.nanoTime() - start) / 1e9));
                settle(db);
                add(serverSide, before, now(clientCpu));
                expectCount(db, events, "the server-side insert");
            }
            String version = String.valueOf(db.query("SELECT version()").scalar());
            double millions = events * (double) rounds / 1e6;
            return new BenchResult(events, staged.bytes(), batching, client, server, version,
                    DATABASE + "." + staged.table(),
                    cost(endToEnd, millions), cost(serverSide, millions));
        } finally {
            admin.dropDatabase(DATABASE);
            FileTrees.deleteQuietly(checkpoints);
        }
    }

    /**
     * The server-side ceiling's insert: the staged lines through the same mapping, on {@code threads} threads, in
     * blocks of the batches' size. Left to itself ClickHouse squashes the staged batches into blocks of a million
     * rows: one part per table instead of one per batch, fewer rows out of the roll-ups, fewer merges, which is work
     * the end-to-end run cannot skip.
     */
    static String ceilingInsert(JsonPathMapping mapping, String stagedTable, long threads, int batchLines) {
        return mapping.insertFromTable(DATABASE, LANDING, stagedTable)
                + " SETTINGS insert_deduplicate = 0, async_insert = 0, date_time_input_format = 'best_effort', "
                + "max_insert_threads = " + threads + ", min_insert_block_size_rows = " + batchLines
                + ", min_insert_block_size_bytes = 0";
    }

    /** The landing table and its views, in the benchmark's database. */
    static List<String> schema() {
        return SCHEMA;
    }

    /**
     * Waits until no merge has run in the benchmark's database for a second (at most 30 s), so that each phase's CPU
     * includes the merges its parts cause: the next round's TRUNCATE would otherwise cancel them uncounted, which
     * favoured the side whose insert returns sooner. Rates are timed before this.
     */
    private static void settle(Database db) {
        ServerCatalog.of(db).awaitNoMerges(DATABASE, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private long[] now(CpuClock client) {
        return new long[]{client.nanos(), serverCpu.nanos(), relayCpu.nanos()};
    }

    private static void add(long[] total, long[] before, long[] after) {
        for (int i = 0; i < total.length; i++) {
            total[i] = before[i] < 0 || after[i] < 0 || total[i] < 0 ? -1 : total[i] + after[i] - before[i];
        }
    }

    private static BenchResult.Cost cost(long[] nanos, double millions) {
        return new BenchResult.Cost(nanos[0] < 0 ? -1 : nanos[0] / 1e9 / millions,
                nanos[1] < 0 ? -1 : nanos[1] / 1e9 / millions, nanos[2] < 0 ? -1 : nanos[2] / 1e9 / millions);
    }

    private static void truncate(Database db) {
        TABLES.forEach(t -> db.execute("TRUNCATE TABLE " + t));
    }

    private static void expectCount(Database db, long events, String what) {
        long count = db.queryLong("SELECT count() FROM " + LANDING);
        if (count != events) {
            throw new MvlabException(ExitCode.VERDICT, what + " left " + count + " rows in " + LANDING
                    + ", expected " + events, null);
        }
    }
}
