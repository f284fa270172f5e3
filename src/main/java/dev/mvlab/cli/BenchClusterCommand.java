package dev.mvlab.cli;

import dev.mvlab.bench.ClusterBenchResult;
import dev.mvlab.bench.ClusterIngestBenchmark;
import dev.mvlab.bench.ProcessMemory;
import dev.mvlab.clickhouse.Compression;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.datafile.ClusterSettings;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.LandingChoice;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.ClusterTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code mvlab bench cluster}: the project's insert rate on one engine against the local cluster, the same events into
 * the same views; also the cluster's start time and each node's memory when the bench starts the cluster itself.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = {"The insert rate of the same events "
        + "(generate, same seed) into the project's landing data source and views on one engine and through the "
        + "Distributed landing table of mvlab's local cluster (database " + ClusterIngestBenchmark.DATABASE
        + ", dropped afterwards), and their ratio.",
        "Without a running local cluster it starts one (--shards x --replicas), timing its start and reading each "
                + "node's memory (RSS and private), and stops it at the end."})
final class BenchClusterCommand implements Runnable {
    @Mixin
    EngineOptions engine;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--events"}, defaultValue = "200000", description = "Events per round (default ${DEFAULT-VALUE}).")
    long events;
    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of each side (default ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--shards", defaultValue = "2", description = "Shards of a cluster the bench starts (default ${DEFAULT-VALUE}).")
    int shards;
    @Option(names = "--replicas", defaultValue = "2", description = "Replicas per shard of a cluster the bench starts "
            + "(default ${DEFAULT-VALUE}).")
    int replicas;
    @Option(names = "--batch-size", defaultValue = "100000", description = "Lines per insert (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--inserters", defaultValue = "2", description = "Inserts in flight (default ${DEFAULT-VALUE}).")
    int inserters;

    @Override
    public void run() {
        if (events < 1 || rounds < 1) {
            throw new MvlabException(ExitCode.USAGE, "--events and --rounds must be at least 1",
                    "see mvlab bench cluster --help");
        }
        BatchSettings batching;
        try {
            batching = new BatchSettings(batchSize, Duration.ofSeconds(1), inserters, 2, Compression.NONE);
        } catch (IllegalArgumentException e) {
            throw new MvlabException(ExitCode.USAGE, e.getMessage(), "see mvlab bench cluster --help");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectGraph graph = RenderingOptions.graph(engine.project(), err);
        List<String> tables = graph.objects().stream().filter(o -> o.kind() == ObjectKind.TABLE)
                .map(ProjectObject::name).toList();
        ClusterTarget target = ClusterSettings.read(engine.project(), ClusterTarget.LOCAL_NAME, tables);
        var landing = LandingChoice.choose(ProjectLoader.load(engine.project()), null);
        double loadBefore = load();
        LocalCluster local = new LocalCluster(engine.settings(), null);
        boolean ours = local.running().isEmpty();
        long start = System.nanoTime();
        LocalClusterState state = ours ? local.start(shards, replicas, LocalCluster.DEFAULT_MEMORY_MB) : local.require();
        double startSeconds = (System.nanoTime() - start) / 1e9;
        try {
            List<String> idle = memory(state);
            List<Database> nodes = new ArrayList<>();
            try (Database one = engine.connect(err, "default")) {
                for (LocalClusterState.Node node : state.nodes()) {
                    nodes.add(Database.connect(local.endpoint(node), "default"));
                }
                ClusterBenchResult r = new ClusterIngestBenchmark(one, nodes, graph, landing,
                        engine.project().resolve(".mvlab").resolve("bench-cluster"), phase -> {
                            err.println("bench cluster: " + phase);
                            err.flush();
                        })
                        .run(rendering.renderer(null), rendering.renderer(target), target, events, batching, rounds);
                List<String> busy = memory(state);
                out.printf(Locale.ROOT, "cluster benchmark: project %s, landing %s, %,d events per round (same seed), "
                        + "%d rounds, batches of %d, %d inserters, %d cores, load %.1f before, %.1f after%n",
                        engine.project().toAbsolutePath().normalize().getFileName(), landing.name(), events, rounds,
                        batchSize, inserters, Runtime.getRuntime().availableProcessors(), loadBefore, load());
                out.printf(Locale.ROOT, "local cluster: %d x %d nodes, %s%n", state.shards(), state.replicas(),
                        ours ? String.format(Locale.ROOT, "started by the bench in %.2f s", startSeconds)
                                : "already running (start time not measured)");
                out.println("memory per node, idle:        " + String.join("; ", idle));
                out.println("memory per node, after bench: " + String.join("; ", busy));
                out.printf(Locale.ROOT, "one engine:                      median %,.0f events/s (rounds: %s)%n",
                        r.medianSingle(), list(r.singleRates()));
                out.printf(Locale.ROOT, "cluster, acknowledged by s1r1:   median %,.0f events/s (rounds: %s)%n",
                        r.medianAcknowledged(), list(r.acknowledgedRates()));
                out.printf(Locale.ROOT, "cluster, on every replica:       median %,.0f events/s (rounds: %s)%n",
                        r.medianFlushed(), list(r.flushedRates()));
                out.printf(Locale.ROOT, "landing rows per node after the last round: %s%n", r.rowsPerReplica().stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")));
                out.printf(Locale.ROOT, "ratio cluster (every replica) / one engine: %.2f%n", r.ratio());
            } finally {
                nodes.forEach(Database::close);
            }
        } finally {
            if (ours) {
                local.stop();
            }
        }
    }

    /** Each node's chDB process: RSS and private memory in MB. */
    private static List<String> memory(LocalClusterState state) {
        return state.nodes().stream().map(n -> n.name() + " " + ProcessMemory.of(n.chdbPid())
                .map(m -> String.format(Locale.ROOT, "RSS %d MB, private %d MB", m.rssKb() / 1024,
                        m.privateKb() / 1024)).orElse("unknown")).toList();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String list(List<Double> rates) {
        return rates.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(", "));
    }
}
