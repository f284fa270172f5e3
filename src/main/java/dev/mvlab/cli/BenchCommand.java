package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.clickhouse.Compression;
import dev.mvlab.bench.CpuClock;
import dev.mvlab.bench.CpuSpent;
import dev.mvlab.bench.BenchResult;
import dev.mvlab.bench.IngestBenchmark;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.bench.LoadClients;
import dev.mvlab.bench.ServeBenchResult;
import dev.mvlab.bench.ServeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code mvlab bench ingest}: end-to-end ingest rate against the server-side ceiling, in a database of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.", subcommands = {BenchCommand.Ingest.class, BenchCommand.Serve.class, BenchClusterCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = {"Events/s into a workshop-like landing table with materialized views "
            + "attached (database " + IngestBenchmark.DATABASE + ", dropped afterwards), end to end and server-side "
            + "(the same NDJSON staged in a server table, read through the same JSONPaths), and their ratio."})
    static final class Ingest implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Option(names = {"-n", "--events"}, defaultValue = "1000000", description = "Events per round (default ${DEFAULT-VALUE}).")
        long events;

        @Option(names = "--rounds", defaultValue = "3", description = "Rounds of each measurement (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--batch-size", defaultValue = "100000", description = "Lines per insert (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--inserters", defaultValue = "2", description = "Inserts in flight (default ${DEFAULT-VALUE}).")
        int inserters;

        @Option(names = "--in-process-single-events", description = "Post the single events to the API in the "
                + "bench's own JVM (with the generated events and the load client) instead of a 'mvlab serve' in a "
                + "JVM of its own, started with MVLAB_JAVA_OPTS (default -Xmx512m) as the launcher does.")
        boolean inProcessSingles;
        @Option(names = "--goals-file", paramLabel = "FILE", description = "Also append each goal line to FILE "
                + "(tab-separated: goal, figure, target, met), for the summary 'make bench' prints at its end.")
        Path goalsFile;

        @Option(names = "--compression", defaultValue = "auto", paramLabel = "none|lz4|auto",
                description = "Compression of the insert bodies (default auto: lz4 unless the server is local).")
        String compression;

        @Override
        public void run() {
            BatchSettings batching;
            try {
                batching = new BatchSettings(batchSize, Duration.ofSeconds(1), inserters, 2,
                        Compression.parse(compression));
            } catch (IllegalArgumentException e) {
                throw new MvlabException(ExitCode.USAGE, e.getMessage(), "see mvlab bench ingest --help");
            }
            try (Database admin = engine.connect(spec.commandLine().getErr(), "default")) {
                Long pid = engine.runtime().status().pid();
                Path work = engine.project().resolve(".mvlab").resolve("bench");
                BenchResult r = (pid == null ? new IngestBenchmark(admin, work, CpuClock.UNKNOWN)
                        : IngestBenchmark.ofLocalEngine(admin, work, pid)).run(events, batching, rounds);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "ingest benchmark: %d events per round (%.1f MB of NDJSON), batches of %d, "
                        + "%d inserters, compression %s, %d rounds, ClickHouse %s, %d cores%n", r.events(),
                        r.bytes() / 1e6, batchSize, inserters, compression, rounds, r.serverVersion(),
                        Runtime.getRuntime().availableProcessors());
                out.printf(Locale.ROOT, "end to end  (generator -> HTTP -> JSONPaths -> landing + 3 MVs): median %,.0f "
                        + "events/s, best %,.0f (rounds: %s)%n", r.medianClient(), r.bestClient(), list(r.clientRates()));
                out.printf(Locale.ROOT, "server-side (same NDJSON staged in a server table, same mapping): median %,.0f "
                        + "events/s, best %,.0f (rounds: %s)%n", r.medianServer(), r.bestServer(), list(r.serverRates()));
                out.printf(Locale.ROOT, "ratio end to end / server-side: %.2f%n", r.ratio());
                if (r.endToEndCost().server() >= 0) {
                    out.printf(Locale.ROOT, "CPU s per million events: end to end %.2f (mvlab %.2f + engine %.2f), "
                            + "server-side %.2f (engine)%n", r.endToEndCost().client() + r.endToEndCost().server(),
                            r.endToEndCost().client(), r.endToEndCost().server(), r.serverSideCost().server());
                    if (r.endToEndCost().relay() >= 0) {
                        out.printf(Locale.ROOT, "  of the engine's: end to end relay %.2f + chDB %.2f, server-side "
                                + "relay %.2f + chDB %.2f%n", r.endToEndCost().relay(), r.endToEndCost().chdb(),
                                r.serverSideCost().relay(), r.serverSideCost().chdb());
                    }
                    double cpuRatio = (r.endToEndCost().client() + r.endToEndCost().server())
                            / r.serverSideCost().server();
                    out.println("goals (issue 20):");
                    goal(out, goalsFile, "CPU per event, end to end / engine alone", String.format(Locale.ROOT, "%.2fx",
                            cpuRatio), "<= 1.5x", cpuRatio <= 1.5);
                }
            }
        }

        private static String list(List<Double> rates) {
            return rates.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(", "));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = {"The local Tinybird API against its "
            + "baselines, side by side on the workshop project (database " + ServeBenchmark.DATABASE + ", dropped "
            + "afterwards): Events API batches vs the generator's direct ingest, single-event posts, endpoint calls "
            + "vs the same SQL straight to ClickHouse."})
    static final class Serve implements Runnable {
        @Mixin
        EngineOptions engine;
        @Mixin
        RenderingOptions rendering;
        @Spec
        CommandSpec spec;

        @Option(names = {"-n", "--events"}, defaultValue = "300000", description = "Events ingested each way (default ${DEFAULT-VALUE}).")
        long events;
        @Option(names = "--batch-lines", defaultValue = "1000", description = "NDJSON lines per Events API post (default ${DEFAULT-VALUE}).")
        int batchLines;
        @Option(names = "--batch-clients", defaultValue = "16", description = "Clients posting batches (default ${DEFAULT-VALUE}).")
        int batchClients;
        @Option(names = "--single-events", defaultValue = "100000", description = "Single-event posts (default ${DEFAULT-VALUE}).")
        int singleEvents;
        @Option(names = "--clients", defaultValue = "50", description = "Clients for single events and endpoint calls (default ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--calls", defaultValue = "5000", description = "Endpoint calls each way (default ${DEFAULT-VALUE}).")
        int calls;
        @Option(names = "--wrk-seconds", defaultValue = "10", description = "Seconds of wrk posting the same single "
                + "event, when wrk is on the PATH (or MVLAB_WRK names it), between two load-client runs as long; 0 skips it "
                + "(default ${DEFAULT-VALUE}).")
        int wrkSeconds;
        @Option(names = "--in-process-single-events", description = "Post the single events to the API in the "
                + "bench's own JVM (with the generated events and the load client) instead of a 'mvlab serve' in a "
                + "JVM of its own, started with MVLAB_JAVA_OPTS (default -Xmx512m) as the launcher does.")
        boolean inProcessSingles;
        @Option(names = "--goals-file", paramLabel = "FILE", description = "Also append each goal line to FILE "
                + "(tab-separated: goal, figure, target, met), for the summary 'make bench' prints at its end.")
        Path goalsFile;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            ProjectGraph graph = RenderingOptions.graph(engine.project(), spec.commandLine().getErr());
            try (Database admin = engine.connect(spec.commandLine().getErr(), "default")) {
                Long pid = engine.runtime().status().pid();
                ServeBenchResult r = new ServeBenchmark(admin, graph, rendering.renderer(),
                        engine.project().resolve(".mvlab").resolve("bench-serve"),
                        pid == null ? CpuClock.UNKNOWN : CpuClock.linuxProcess(pid), serveArguments())
                        .run(new ServeBenchmark.Sizes(events,
                        batchLines, batchClients, singleEvents, clients, calls, clients,
                        Duration.ofSeconds(Math.max(0, wrkSeconds))));
                out.printf(Locale.ROOT, "serve benchmark: workshop project, %d events, %d cores, API started in %.2f s%n",
                        r.events(), Runtime.getRuntime().availableProcessors(), r.startupSeconds());
                out.printf(Locale.ROOT, "ingest, generator direct (LandingIngest):             %,.0f events/s%n",
                        r.directIngest());
                out.printf(Locale.ROOT, "ingest, Events API (%d clients, %d-line NDJSON posts, until committed): %,.0f events/s%n",
                        r.batchClients(), r.batchLines(), r.apiIngest());
                out.printf(Locale.ROOT, "  (the posts were answered in %.1f s, p50 %.1f ms, p99 %.1f ms%s)%n",
                        r.batchPosts().seconds(), r.batchPosts().p50(), r.batchPosts().p99(), failures(r.batchPosts()));
                out.printf(Locale.ROOT, "ratio Events API / direct: %.2f%n", r.ingestRatio());
                out.printf(Locale.ROOT, "CPU s per million events, mvlab + engine: direct %s, Events API %s%n",
                        cpu(r.directCpu()), cpu(r.apiCpu()));
                CpuSpent api = r.apiCpu();
                out.printf(Locale.ROOT, "  (Events API, mvlab's: request threads %.2f, group-commit senders %.2f, load "
                        + "client %.2f, the rest (JIT, GC, main) %.2f)%n", api.apiThreads(), api.senders(),
                        api.loadClient(), api.rest());
                LoadClients.Outcome s = r.singleEvents();
                out.printf(Locale.ROOT, "single-event posts (%d clients) to %s: %,.0f events/s, p50 %.1f ms, p99 "
                        + "%.1f ms, max %.1f ms%s; load client CPU %.2f s for %.1f s%s%n", r.singleClients(),
                        r.singleServer(), s.perSecond(), s.p50(), s.p99(), s.max(), failures(s), s.clientCpuSeconds(),
                        s.seconds(), Double.isNaN(r.singleServerCpu()) ? "" : String.format(Locale.ROOT,
                                "; the server's CPU %.2f s (%.0f us a post)", r.singleServerCpu(),
                                r.singleServerCpu() / Math.max(1, s.requests()) * 1e6));
                ServeBenchResult.WrkCheck w = r.wrkCheck();
                w.wrk().ifPresentOrElse(f -> out.printf(Locale.ROOT, "the same posts by wrk (%d connections, %d s): "
                                + "%,.0f req/s, p50 %.1f ms, p99 %.1f ms; the load client just before and after: "
                                + "%,.0f and %,.0f events/s, p99 %.1f and %.1f ms%s%s (its CPU %.2f s for %.1f s); "
                                + "ratio load client / wrk %.2f%n", r.singleClients(), wrkSeconds, f.perSecond(),
                                f.p50(), f.p99(), w.loadClientBefore().perSecond(), w.loadClientAfter().perSecond(),
                                w.loadClientBefore().p99(), w.loadClientAfter().p99(), failures(w.loadClientBefore()),
                                failures(w.loadClientAfter()), w.loadClientAfter().clientCpuSeconds(),
                                w.loadClientAfter().seconds(), w.ratio()),
                        () -> out.println("wrk comparison: " + w.note()));
                LoadClients.Outcome a = r.endpoint();
                LoadClients.Outcome d = r.direct();
                out.printf(Locale.ROOT, "endpoint %s (%d clients): %,.0f req/s, p50 %.1f ms, p99 %.1f ms%s%n",
                        r.endpointCall(), r.endpointClients(), a.perSecond(), a.p50(), a.p99(), failures(a));
                out.printf(Locale.ROOT, "same SQL straight to ClickHouse HTTP (%d clients): %,.0f req/s, p50 %.1f ms, "
                        + "p99 %.1f ms%s%n", r.endpointClients(), d.perSecond(), d.p50(), d.p99(), failures(d));
                out.printf(Locale.ROOT, "ratio endpoint / ClickHouse: %.2f%n", r.endpointRatio());
                LoadClients.Outcome oa = r.oneClientEndpoint();
                LoadClients.Outcome od = r.oneClientDirect();
                out.printf(Locale.ROOT, "one client: endpoint p50 %.1f ms, p99 %.1f ms; ClickHouse p50 %.1f ms, p99 %.1f ms%n",
                        oa.p50(), oa.p99(), od.p50(), od.p99());
                out.println("goals (issue 20):");
                goal(out, goalsFile, "single-event posts, events/s", String.format(Locale.ROOT, "%,.0f", s.perSecond()),
                        ">= 20,000", s.perSecond() >= 20_000);
                goal(out, goalsFile, "load client CPU, single-event posts", String.format(Locale.ROOT,
                        "%.2f cores", s.clientCpuSeconds() / Math.max(s.seconds(), 1e-9)), "(apart)", "shown");
                if (w.wrk().isPresent()) {
                    goal(out, goalsFile, "single events, load client / wrk", String.format(Locale.ROOT, "%.2f",
                            w.ratio()), "0.80-1.20", w.ratio() >= 0.8 && w.ratio() <= 1.2);
                } else {
                    goal(out, goalsFile, "single events, load client / wrk", "-", "0.80-1.20", "not run: " + w.note());
                }
                goal(out, goalsFile, "single-event posts, p99", String.format(Locale.ROOT, "%.1f ms", s.p99()), "<= 25 ms",
                        s.p99() <= 25);
                goal(out, goalsFile, "Events API / direct ingest", String.format(Locale.ROOT, "%.2f", r.ingestRatio()),
                        ">= 0.80", r.ingestRatio() >= 0.8);
                goal(out, goalsFile, "endpoint / same SQL to ClickHouse", String.format(Locale.ROOT, "%.2f", r.endpointRatio()),
                        ">= 0.90", r.endpointRatio() >= 0.9);
                goal(out, goalsFile, "one client's p99, endpoint / ClickHouse", String.format(Locale.ROOT, "%.2fx",
                        r.oneClientP99Ratio()), "<= 1.5x", r.oneClientP99Ratio() <= 1.5);
            }
        }

        /** The single-event posts go to a mvlab serve in its own JVM unless --in-process-single-events. */
        private List<String> serveArguments() {
            if (inProcessSingles) {
                return null;
            }
            List<String> arguments = new java.util.ArrayList<>(engine.arguments());
            if (rendering.templates != null) {
                arguments.addAll(List.of("--templates", rendering.templates.toAbsolutePath().normalize().toString()));
            }
            arguments.addAll(List.of("--queries-per-token", Integer.toString(Math.max(8, clients))));
            return arguments;
        }

        private static String cpu(CpuSpent spent) {
            return spent.engine() < 0 ? String.format(Locale.ROOT, "%.2f + ?", spent.mvlab())
                    : String.format(Locale.ROOT, "%.2f + %.2f = %.2f", spent.mvlab(), spent.engine(), spent.total());
        }

        private static String failures(LoadClients.Outcome o) {
            return o.failures() == 0 ? "" : " (" + o.failures() + " failed; first: " + o.firstFailure() + ")";
        }
    }

    /** One line of the goals table: what, the figure, the goal, met or not; also appended to the goals file if any. */
    static void goal(PrintWriter out, Path goalsFile, String what, String figure, String target, boolean met) {
        goal(out, goalsFile, what, figure, target, met ? "met" : "NOT MET");
    }

    /** The same with a status of its own (a goal this command cannot judge alone says where it is judged). */
    static void goal(PrintWriter out, Path goalsFile, String what, String figure, String target, String status) {
        out.printf(Locale.ROOT, "  %-42s %14s   goal %-10s %s%n", what, figure, target, status);
        if (goalsFile != null) {
            try {
                Path folder = goalsFile.toAbsolutePath().getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
                Files.writeString(goalsFile, String.join("\t", what, figure, target, status) + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new MvlabException(ExitCode.USAGE, "cannot write the goals file " + goalsFile + ": "
                        + e.getMessage(), "choose a writable --goals-file");
            }
        }
    }

}
