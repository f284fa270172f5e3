package dev.mvlab.cli;

import dev.mvlab.engine.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.Compression;
import dev.mvlab.generate.CpuClock;
import dev.mvlab.generate.BenchResult;
import dev.mvlab.generate.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code mvlab bench ingest}: end-to-end ingest rate against the server-side ceiling, in a database of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.", subcommands = BenchCommand.Ingest.class)
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = {"Events/s into a workshop-like landing table with materialized views "
            + "attached (database " + IngestBenchmark.DATABASE + ", dropped afterwards), end to end and server-side "
            + "(the same NDJSON read from a file on the server through the same JSONPaths), and their ratio."})
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
                BenchResult r = new IngestBenchmark(admin, engine.project().resolve(".mvlab").resolve("bench"),
                        pid == null ? CpuClock.UNKNOWN : CpuClock.linuxProcess(pid)).run(events, batching, rounds);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "ingest benchmark: %d events per round (%.1f MB of NDJSON), batches of %d, "
                        + "%d inserters, compression %s, %d rounds, ClickHouse %s, %d cores%n", r.events(),
                        r.bytes() / 1e6, batchSize, inserters, compression, rounds, r.serverVersion(),
                        Runtime.getRuntime().availableProcessors());
                out.printf(Locale.ROOT, "end to end  (generator -> HTTP -> JSONPaths -> landing + 3 MVs): median %,.0f "
                        + "events/s, best %,.0f (rounds: %s)%n", r.medianClient(), r.bestClient(), list(r.clientRates()));
                out.printf(Locale.ROOT, "server-side (same NDJSON from a server file, same mapping):     median %,.0f "
                        + "events/s, best %,.0f (rounds: %s)%n", r.medianServer(), r.bestServer(), list(r.serverRates()));
                out.printf(Locale.ROOT, "ratio end to end / server-side: %.2f%n", r.ratio());
                if (r.endToEndCost().server() >= 0) {
                    out.printf(Locale.ROOT, "CPU s per million events: end to end %.2f (mvlab %.2f + engine %.2f), "
                            + "server-side %.2f (engine)%n", r.endToEndCost().client() + r.endToEndCost().server(),
                            r.endToEndCost().client(), r.endToEndCost().server(), r.serverSideCost().server());
                }
            }
        }

        private static String list(List<Double> rates) {
            return rates.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(", "));
        }
    }
}
