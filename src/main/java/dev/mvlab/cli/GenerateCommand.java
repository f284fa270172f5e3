package dev.mvlab.cli;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.engine.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.Compression;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.LandingChoice;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.NdjsonExport;
import dev.mvlab.generate.RetryPolicy;
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
        BatchSettings batching = usage(() -> new BatchSettings(batchSize, flushInterval, inserters, 2,
                Compression.parse(compression)));
        try (Database db = database.connect(engine, spec.commandLine().getErr())) {
            Path checkpoints = engine.project().resolve(".mvlab").resolve("generate");
            return new LandingIngest(db, landing, checkpoints, batching, RetryPolicy.within(retryFor))
                    .run(options, stream.seedGiven(), limits, resume, progress);
        }
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
