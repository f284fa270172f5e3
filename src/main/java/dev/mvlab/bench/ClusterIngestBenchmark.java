package dev.mvlab.bench;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.files.FileTrees;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.Progress;
import dev.mvlab.generate.RunLimits;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.DataSource;
import dev.mvlab.render.SqlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The insert rate of the same events into the same project on one engine and on mvlab's local cluster: the project
 * applied in its own database on the engine and, with the local cluster's statements, on every node; then, round by
 * round (alternating, so that a busy machine hurts both), {@link LandingIngest} streams the same N events (same seed)
 * into the engine's landing table and into the cluster's Distributed landing table through its first node, timed
 * until the node acknowledged them and until {@code SYSTEM FLUSH DISTRIBUTED} returned (every shard and replica holds
 * them, their views ran). Each round starts from empty tables; the counts are checked after every round. An uncounted
 * warm-up comes first on each side.
 */
public final class ClusterIngestBenchmark {
    public static final String DATABASE = "mvlab_bench_cluster";
    private static final long WARM_UP = 50_000;

    private final Database engine;
    private final List<Database> nodes;
    private final ProjectGraph graph;
    private final DataSource landing;
    private final Path workDir;
    private final Consumer<String> progress;

    /**
     * @param engine  a connection to the engine ("default")
     * @param nodes   a connection to each node of the local cluster ("default"), the first receives the inserts
     * @param landing the project's landing data source
     * @param workDir holds the generator's checkpoints (deleted afterwards)
     * @param progress told each phase as it starts (apply, warm-up, each round's side)
     */
    public ClusterIngestBenchmark(Database engine, List<Database> nodes, ProjectGraph graph, DataSource landing,
                                  Path workDir, Consumer<String> progress) {
        this.engine = engine;
        this.nodes = List.copyOf(nodes);
        this.graph = graph;
        this.landing = landing;
        this.workDir = workDir;
        this.progress = progress;
    }

    public ClusterBenchResult run(SqlRenderer single, SqlRenderer cluster, ClusterTarget target, long events,
                                  BatchSettings batching, int rounds) {
        Path checkpoints = workDir.resolve("checkpoints");
        try {
            progress.accept("applying the project on the engine and on " + nodes.size() + " nodes");
            apply(engine, single);
            nodes.forEach(node -> apply(node, cluster));
            StreamOptions options = StreamOptions.defaults(1);
            List<Double> singleRates = new ArrayList<>();
            List<Double> acknowledged = new ArrayList<>();
            List<Double> flushed = new ArrayList<>();
            try (Database one = engine.use(DATABASE); Database first = nodes.get(0).use(DATABASE)) {
                progress.accept("warm-up");
                ingest(one, checkpoints, options, Math.min(events, WARM_UP), batching);
                ingest(first, checkpoints, options, Math.min(events, WARM_UP), batching);
                flush(first);
                for (int round = 0; round < rounds; round++) {
                    progress.accept("round " + (round + 1) + ": one engine");
                    empty(List.of(engine));
                    long start = System.nanoTime();
                    ingest(one, checkpoints, options, events, batching);
                    singleRates.add(events / ((System.nanoTime() - start) / 1e9));
                    expect(one, landing.name(), events, "the engine");

                    progress.accept("round " + (round + 1) + ": the cluster");
                    empty(nodes);
                    start = System.nanoTime();
                    ingest(first, checkpoints, options, events, batching);
                    acknowledged.add(events / ((System.nanoTime() - start) / 1e9));
                    flush(first);
                    flushed.add(events / ((System.nanoTime() - start) / 1e9));
                    expect(first, landing.name(), events, "the cluster, through its Distributed table");
                }
            }
            List<Long> perReplica = new ArrayList<>();
            for (Database node : nodes) {
                try (Database db = node.use(DATABASE)) {
                    perReplica.add(db.queryLong("SELECT count() FROM "
                            + Identifiers.quote(target.localName(landing.name()))));
                }
            }
            return new ClusterBenchResult(events, nodes.size(), singleRates, acknowledged, flushed, perReplica);
        } finally {
            engine.dropDatabase(DATABASE);
            nodes.forEach(node -> node.dropDatabase(DATABASE));
            FileTrees.deleteQuietly(checkpoints);
        }
    }

    private void apply(Database server, SqlRenderer renderer) {
        server.dropDatabase(DATABASE);
        new Apply(server, renderer).run(graph, DATABASE, new ApplyOptions(false, false));
    }

    private void ingest(Database db, Path checkpoints, StreamOptions options, long events, BatchSettings batching) {
        new LandingIngest(db, landing, checkpoints, batching, RetryPolicy.DEFAULT).run(options, true,
                RunLimits.events(events), false, Progress.Listener.NONE);
    }

    private void flush(Database first) {
        first.execute("SYSTEM FLUSH DISTRIBUTED " + Identifiers.quote(landing.name()));
    }

    /**
     * Every table that holds rows in the bench database emptied: the MergeTree-family and other storing tables, not
     * the Distributed tables (their queues are empty after the flush; when they were truncated too, two nodes of chDB
     * 26.7 aborted, the sender and a receiver, in two of four runs), views or materialized views.
     */
    private static void empty(List<Database> servers) {
        for (Database server : servers) {
            for (TableEntry table : ServerCatalog.of(server).tables(DATABASE)) {
                if (!Set.of("Distributed", "View", "MaterializedView").contains(table.engine())) {
                    server.execute("TRUNCATE TABLE " + Identifiers.quote(DATABASE) + "."
                            + Identifiers.quote(table.name()));
                }
            }
        }
    }

    private static void expect(Database db, String table, long events, String where) {
        long count = db.queryLong("SELECT count() FROM " + Identifiers.quote(table));
        if (count != events) {
            throw new MvlabException(ExitCode.VERDICT, "the round left " + count + " rows in " + table + " on "
                    + where + ", expected " + events, null);
        }
    }
}
