package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.serve.ApiException;
import dev.mvlab.serve.AppendBatches;
import dev.mvlab.serve.AppendCheckpoint;
import dev.mvlab.serve.AppendLedger;
import dev.mvlab.serve.EventIngest;
import dev.mvlab.serve.FileAppend;
import dev.mvlab.serve.IngestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mvlab append DS FILE...}: the user's own data into a data source, like {@code tb datasource append}. */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = {"Append CSV (with a header), NDJSON or Parquet files (gzip or not; - for stdin) to a data "
                + "source. Rows that do not fit go to DS_quarantine, as with the Events API.",
                "Files are known by their content: an interrupted append resumes where its stored batches end when "
                        + "run again, and a file appended in full is not appended twice (unless --again). Stdin is "
                        + "not tracked."})
final class AppendCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;
    @Mixin
    DatabaseOption database;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASOURCE", description = "The data source to append to.")
    String datasource;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to load; - reads stdin.")
    List<String> files;

    @Option(names = "--format", paramLabel = "csv|ndjson|parquet",
            description = "The format when the file name does not say (stdin: sniffed, CSV or NDJSON).")
    FileAppend.FileFormat format;

    @Option(names = "--again", description = "Append another copy of a file appended in full before (without it, "
            + "such a file is skipped with a note).")
    boolean again;

    @Option(names = "--batch-bytes", paramLabel = "BYTES", hidden = true, defaultValue = "" + FileAppend.BATCH_BYTES,
            description = "Rows are sent in batches of about this many bytes (a resume keeps the first run's size).")
    int batchBytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batchBytes < 1024) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch-bytes is at least 1024");
        }
        ProjectGraph graph = RenderingOptions.graph(engine.project(), err);
        long loaded = 0;
        long quarantined = 0;
        try (Database db = engine.connect(err, database.name());
             EventIngest ingest = new EventIngest(db, graph, rendering.renderer());
             AppendProgress progress = new AppendProgress(err)) {
            FileAppend append = new FileAppend(ingest, db);
            AppendLedger ledger = new AppendLedger(engine.project().resolve(".mvlab").resolve("append"), db,
                    datasource);
            for (String file : files) {
                IngestResult result;
                FileAppend.FileFormat fileFormat = formatOf(file);
                try (InputStream in = open(file)) {
                    AppendBatches batches = batches(file, ledger, out, err);
                    if (batches == null) {
                        continue;
                    }
                    try {
                        result = append.append(datasource, file, in, fileFormat, progress, batches);
                    } catch (ApiException e) {
                        throw stopped(file, batches, e);
                    }
                } catch (IOException e) {
                    throw new MvlabException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), null);
                }
                progress.close();
                out.printf("%s: %,d rows appended to %s, %,d quarantined%n", file, result.successfulRows(),
                        datasource, result.quarantinedRows());
                result.errors().forEach(e -> out.println("  " + file + ": " + e));
                if (result.quarantinedRows() > 0) {
                    out.println("  see: mvlab sql \"SELECT * FROM " + datasource + "_quarantine ORDER BY "
                            + "insertion_date DESC LIMIT 10\"");
                }
                loaded += result.successfulRows();
                quarantined += result.quarantinedRows();
            }
        }
        if (files.size() > 1) {
            out.printf("total: %,d rows appended, %,d quarantined%n", loaded, quarantined);
        }
        return quarantined > 0 ? ExitCode.DATAFILE.code() : ExitCode.OK.code();
    }

    /** An append the engine stopped taking: what is stored, and how to go on. */
    private MvlabException stopped(String file, AppendBatches batches, ApiException e) {
        if (e.status() != 503) {
            return new MvlabException(ExitCode.USAGE, e.getMessage(), null);
        }
        AppendCheckpoint now = batches.current();
        return new EngineException(e.getMessage() + "; " + String.format("%,d", now.rows()) + " rows of " + file
                + " are stored in " + datasource, "start the engine (mvlab engine start), then " + (file.equals("-")
                ? "append the rest from a file: stdin cannot resume" : "run the same command again: it resumes at row "
                + String.format("%,d", now.lines())));
    }

    /**
     * How the file is appended: afresh, resumed after an interruption, or (null) not at all since it is in the table
     * already; says which but for a fresh file.
     */
    private AppendBatches batches(String file, AppendLedger ledger, PrintWriter out, PrintWriter err) {
        if (file.equals("-")) {
            out.println("-: stdin is not tracked: an interrupted append from it cannot resume, and the same data "
                    + "sent again is stored again");
            return AppendLedger.untracked(batchBytes);
        }
        AppendLedger.FileIdentity identity = AppendLedger.FileIdentity.of(Path.of(file));
        AppendLedger.Earlier earlier = ledger.earlier(identity);
        if (earlier instanceof AppendLedger.Interrupted interrupted) {
            AppendCheckpoint checkpoint = interrupted.checkpoint();
            out.printf("%s: resumed at row %,d (the interrupted append stored %,d rows in %,d batches; the batch in "
                    + "doubt is resent and kept once)%n", file, checkpoint.lines(), checkpoint.rows(),
                    checkpoint.batches());
            return ledger.resume(checkpoint);
        }
        if (earlier instanceof AppendLedger.Complete complete) {
            AppendCheckpoint checkpoint = complete.checkpoint();
            if (!again) {
                out.printf("%s: already appended to %s (%,d rows, %,d quarantined, %s): nothing to do; --again "
                        + "appends another copy%n", file, datasource, checkpoint.rows(), checkpoint.quarantined(),
                        checkpoint.updated());
                return null;
            }
            out.printf("%s: appending copy %d of this file (--again)%n", file, checkpoint.copy() + 1);
            return ledger.start(identity, file, checkpoint.copy() + 1, batchBytes);
        }
        ledger.interruptedNamed(file).ifPresent(other -> err.printf("warning: %s: an append of this file with "
                + "other content was interrupted after %,d rows, which stay in %s; the content is new now, so all its "
                + "rows are appended%n", file, other.rows(), datasource));
        return ledger.start(identity, file, 1, batchBytes);
    }

    private FileAppend.FileFormat formatOf(String file) {
        if (format != null) {
            return format;
        }
        FileAppend.FileFormat byName = file.equals("-") ? null : FileAppend.FileFormat.byName(file);
        if (byName == null && !file.equals("-")) {
            throw new MvlabException(ExitCode.USAGE, "cannot tell the format of " + file,
                    "name it .csv, .ndjson or .parquet (optionally .gz), or pass --format");
        }
        return byName;
    }

    private static InputStream open(String file) throws IOException {
        if (file.equals("-")) {
            return System.in;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new MvlabException(ExitCode.USAGE, "no such file: " + file, null);
        }
        return Files.newInputStream(path);
    }
}
