package dev.mvlab.cli;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.clickhouse.Compression;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.LandingChoice;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.Checkpoint;
import dev.mvlab.generate.EstoreShape;
import dev.mvlab.model.Column;
import dev.mvlab.generate.NdjsonExport;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.generate.RunLimits;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.model.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code mvlab generate}: the e-store event stream into the landing data source, or as NDJSON to a file. */
@Command(name = "generate", subcommands = ProductsCommand.class, mixinStandardHelpOptions = true,
        description = {"Stream e-store events (view, cart, uncart, purchase, return) into the project's landing data "
                + "source through its JSONPaths, or as NDJSON with --out.",
                "Inserts are batched and retried; a run the engine interrupted continues with --resume."})
final class GenerateCommand implements Runnable {
    @Mixin
    EngineOptions engine;
    @Mixin
    StreamOptionsMixin stream;
    @Spec
    CommandSpec spec;

    @Option(names = "--datasource", paramLabel = "NAME",
            description = "The landing data source (default: the project's only one with JSONPaths).")
    String datasource;

    @Mixin
    DatabaseOption database;
    @Mixin
    LocalClusterReadWrite cluster;

    @Option(names = "--out", paramLabel = "FILE", description = "Write NDJSON to FILE ('-' for stdout) instead.")
    String out;

    @Option(names = {"-n", "--events"}, description = "How many lines (duplicates included); default 100000, or "
            + "no limit with --duration.")
    Long events;

    @Option(names = "--duration", converter = Converters.DurationConverter.class,
            description = "Stop after this wall-clock time, e.g. 10m.")
    Duration duration;

    @Option(names = "--rate", converter = Converters.RateConverter.class, defaultValue = "unlimited",
            description = "Lines per second, or 'unlimited' (default).")
    double rate;

    @Option(names = "--batch-size", defaultValue = "100000", description = "Lines per insert (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--flush-interval", converter = Converters.DurationConverter.class, defaultValue = "1s",
            description = "Send a batch when it is this old, full or not (default 1s).")
    Duration flushInterval;

    @Option(names = "--inserters", defaultValue = "2", description = "Inserts in flight (default ${DEFAULT-VALUE}).")
    int inserters;

    @Option(names = "--compression", defaultValue = "auto", paramLabel = "none|lz4|auto",
            description = "Compression of the insert bodies; auto: lz4 unless the server is on this machine.")
    String compression;

    @Option(names = "--retry-for", converter = Converters.DurationConverter.class, defaultValue = "60s",
            description = "Keep retrying a failing insert this long before giving up (default 60s).")
    Duration retryFor;

    @Option(names = "--resume", description = "Continue the interrupted run into the same table where its "
            + "acknowledged part ends (same options; the seed comes from the checkpoint when not given).")
    boolean resume;

    @Override
    public void run() {
        StreamOptions options = stream.options();
        RunLimits limits = limits();
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressLine progress = new ProgressLine(err)) {
            GenerateResult result = out != null ? export(options, limits, progress) : ingest(options, limits, progress);
            progress.close();
            GenerateSummary.print(out != null && out.equals("-") ? err : spec.commandLine().getOut(), result);
        }
    }

    private GenerateResult ingest(StreamOptions options, RunLimits limits, ProgressLine progress) {
        DataSource landing = LandingChoice.choose(ProjectLoader.load(engine.project()), datasource);
        PrintWriter err = spec.commandLine().getErr();
        checkShape(landing, err);
        BatchSettings batching = usage(() -> new BatchSettings(batchSize, flushInterval, inserters, 2,
                Compression.parse(compression)));
        boolean onCluster = cluster.given();
        if (!onCluster) {
            LocalClusterReadWrite.noteWhenUnused(engine, err);
        }
        try (Database db = onCluster ? cluster.connect(engine, err, database.name()) : database.connect(engine, err)) {
            Path checkpoints = engine.project().resolve(".mvlab").resolve("generate");
            LandingIngest ingest = new LandingIngest(db, landing, checkpoints, batching, RetryPolicy.within(retryFor));
            if (!resume) {
                warnAboutEarlierRun(ingest, options, err);
            }
            Thread onInterrupt = new Thread(() -> interrupted(ingest, progress, err), "mvlab-generate-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                GenerateResult result = ingest.run(options, stream.seedGiven(), limits, resume, progress);
                if (onCluster) { // the shards hold every event when generate returns, the views ran on them
                    cluster.flush(engine, db, landing.name(), err);
                }
                return result;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it prints the summary
                }
            }
        }
    }

    /** A landing data source the e-store events do not fit: say which JSONPaths stay empty (all: refuse). */
    private static void checkShape(DataSource landing, PrintWriter err) {
        List<Column> unfilled = EstoreShape.unfilled(landing);
        if (unfilled.isEmpty()) {
            return;
        }
        String paths = unfilled.stream().map(c -> c.name() + " (" + c.jsonPath() + ")")
                .collect(Collectors.joining(", "));
        boolean none = unfilled.size() == landing.columns().stream().filter(c -> c.jsonPath() != null).count();
        if (none) {
            throw new MvlabException(ExitCode.USAGE, "the e-store events fill none of the JSONPaths of '"
                    + landing.name() + "' (" + paths + "); the events carry " + EstoreShape.fields(),
                    "generate into an e-store landing data source (--datasource NAME), or send your own NDJSON: "
                            + Launcher.command() + " sql \"INSERT INTO " + landing.name() + " FORMAT JSONEachRow\" "
                            + "< events.ndjson");
        }
        err.println("warning: the e-store events do not carry these JSONPaths of '" + landing.name() + "', so these "
                + "columns get NULL or their default: " + paths);
        err.flush();
    }

    /**
     * Before a new run: an interrupted run's checkpoint means its events are already in the table; the same seed
     * means this run appends the very same events again.
     */
    private void warnAboutEarlierRun(LandingIngest ingest, StreamOptions options, PrintWriter err) {
        Checkpoint earlier = Checkpoint.read(ingest.checkpointFile()).orElse(null);
        if (earlier == null) {
            return;
        }
        String table = earlier.database() + "." + earlier.table();
        if (stream.seedGiven() && earlier.seed() == options.seed() && earlier.stream().equals(options.fingerprint())) {
            String warning = table + " already holds " + String.format(Locale.ROOT, "%,d", earlier.acknowledgedEvents())
                    + " events of this very stream (seed " + earlier.seed() + "): this run appends a second copy of "
                    + "them" + (earlier.complete() ? "" : "; --resume continues the interrupted run instead");
            if (Terminal.interactive()) {
                if (!Terminal.confirm(err, Main.stdin(spec), "warning: " + warning + ". Append anyway? [y/N] ")) {
                    throw new MvlabException(ExitCode.USAGE, "nothing was generated");
                }
            } else {
                err.println("warning: " + warning);
            }
        } else if (!earlier.complete()) {
            err.println("warning: an interrupted run left " + String.format(Locale.ROOT, "%,d",
                    earlier.acknowledgedEvents()) + " events in " + table + "; this run adds a new stream next to "
                    + "them (to continue that run instead: " + resumeCommand() + ")");
        }
        err.flush();
    }

    /** Ctrl-C (or a kill) during a run: what is stored, and the command that continues it. */
    private void interrupted(LandingIngest ingest, ProgressLine progress, PrintWriter err) {
        progress.close();
        Checkpoint checkpoint = Checkpoint.read(ingest.checkpointFile()).orElse(null);
        if (checkpoint == null) {
            return;
        }
        err.println();
        err.println(String.format(Locale.ROOT, "interrupted: %,d events acknowledged by ClickHouse are stored in "
                + "%s.%s; the rest was not stored (a batch in doubt is resent by --resume and deduplicated)",
                checkpoint.acknowledgedEvents(), checkpoint.database(), checkpoint.table()));
        err.println("continue the same stream with: " + resumeCommand());
        err.flush();
    }

    private String resumeCommand() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs());
        if (!args.contains("--resume")) {
            args.add("--resume");
        }
        return Launcher.command() + " " + args.stream().map(a -> a.matches("[\\w@%+=:,./-]+") ? a : "'" + a + "'")
                .collect(Collectors.joining(" "));
    }

    private GenerateResult export(StreamOptions options, RunLimits limits, ProgressLine progress) {
        if (resume) {
            throw new MvlabException(ExitCode.USAGE, "--resume continues a run into a table, not into --out",
                    "to continue a file, skip the lines it has: the stream is the same for the same --seed");
        }
        if (out.equals("-")) {
            return new NdjsonExport().write(options, limits, new WriterStream(spec.commandLine().getOut()), "stdout",
                    progress);
        }
        Path file = Path.of(out);
        try (OutputStream stream = Files.newOutputStream(file)) {
            return new NdjsonExport().write(options, limits, stream, file.toString(), progress);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(), null);
        }
    }

    private RunLimits limits() {
        Long count = events == null && duration == null ? Long.valueOf(100_000) : events;
        return usage(() -> new RunLimits(count, duration, rate));
    }

    private static <T> T usage(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new MvlabException(ExitCode.USAGE, e.getMessage(), "see mvlab generate --help");
        }
    }
}
