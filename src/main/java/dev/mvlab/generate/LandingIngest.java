package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Streams generated events into a landing data source on ClickHouse, through the data source's JSONPaths, in
 * batches, retrying transient failures without duplicating a batch, and keeping a checkpoint so that a run the
 * engine interrupted can be resumed ({@code --resume}) exactly where the acknowledged part ends.
 */
public final class LandingIngest {
    private final Database db;
    private final DataSource datasource;
    private final Path checkpointDir;
    private final BatchSettings batching;
    private final RetryPolicy retry;

    /**
     * @param db             the database holding the landing table (its endpoint receives the inserts)
     * @param checkpointDir  where checkpoints live, normally {@code <project>/.mvlab/generate}
     */
    public LandingIngest(Database db, DataSource datasource, Path checkpointDir, BatchSettings batching,
                         RetryPolicy retry) {
        this.db = db;
        this.datasource = datasource;
        this.checkpointDir = checkpointDir;
        this.batching = batching;
        this.retry = retry;
    }

    public Path checkpointFile() {
        return checkpointDir.resolve(db.name() + "." + datasource.name() + ".json");
    }

    /**
     * Runs the stream into the table. With {@code resume}, the checkpoint of an earlier run decides where to start
     * (and supplies the seed when {@code seedGiven} is false); its options must match.
     */
    public GenerateResult run(StreamOptions options, boolean seedGiven, RunLimits limits, boolean resume,
                              Progress.Listener listener) {
        LandingTable table = new LandingTable(db, datasource.name());
        JsonPathMapping mapping = JsonPathMapping.of(datasource, table.columnTypes(datasource));
        List<String> notes = new ArrayList<>();
        List<String> changed = table.ensureDeduplication();
        if (!changed.isEmpty()) {
            notes.add("set non_replicated_deduplication_window = " + LandingTable.WINDOW + " on "
                    + String.join(", ", changed) + " so that retried batches are not stored twice");
        }
        if (!resume) {
            Checkpoint.read(checkpointFile()).filter(c -> !c.complete()).ifPresent(c -> notes.add("replaced the "
                    + "checkpoint of interrupted run " + c.runId() + " (" + c.acknowledgedEvents() + " events "
                    + "acknowledged); --resume would have continued it"));
        }
        Start start = resume ? resumeFrom(options, seedGiven) : fresh(options);
        CheckpointTracker tracker = new CheckpointTracker(checkpointFile(), start.runId, db.name(), datasource.name(),
                start.options, start.acknowledged, start.ranges);
        tracker.save(); // the new run id is on disk before anything is sent
        HttpInserter inserter = new HttpInserter(db.endpoint(), db.name(),
                mapping.insertFromInput(db.name(), datasource.name()), retry, batching.compression());
        EventPump pump = new EventPump(start.options, limits);
        pump.skipTo(start.acknowledged);
        if (start.acknowledged > 0 || !start.ranges.isEmpty()) {
            notes.add("resumed run " + start.runId + " at event " + start.acknowledged);
        }
        try (BatchPipeline pipeline = new BatchPipeline(inserter, tracker, batching)) {
            new BatchCutter(pump, pipeline, tracker, batching, listener).run(start.ranges);
            pipeline.finish();
            tracker.complete();
            return new GenerateResult(db.name() + "." + datasource.name(), start.options.seed(),
                    pipeline.acknowledgedLines(), pump.duplicates(), pump.late(), pump.actions(), pipeline.batches(),
                    pipeline.retries(), pump.elapsed(), start.acknowledged, pump.position(), notes);
        } catch (BatchPipeline.Stopped stopped) {
            long acknowledged = tracker.acknowledgedEvents();
            throw new EngineException("the engine stopped taking events: " + stopped.getMessage() + "; "
                    + acknowledged + " events of the stream are acknowledged in " + db.name() + "."
                    + datasource.name() + " (" + (acknowledged - start.acknowledged) + " in this run)",
                    "start the engine (mvlab engine start) and rerun the same command with --resume",
                    stopped.getCause());
        }
    }

    private record Start(String runId, StreamOptions options, long acknowledged, List<Checkpoint.Range> ranges) {
    }

    private Start fresh(StreamOptions options) {
        String runId = Long.toHexString(new SplittableRandom().nextLong() & 0xffffffffffffL);
        return new Start(runId, options, 0, List.of());
    }

    private Start resumeFrom(StreamOptions options, boolean seedGiven) {
        Path file = checkpointFile();
        Checkpoint checkpoint = Checkpoint.read(file).orElseThrow(() -> new MvlabException(ExitCode.USAGE,
                "nothing to resume: no checkpoint " + file, "run without --resume to start a new stream"));
        StreamOptions effective = seedGiven ? options : options.withSeed(checkpoint.seed());
        if (!effective.fingerprint().equals(checkpoint.stream())) {
            throw new MvlabException(ExitCode.USAGE, "--resume needs the same stream options as the interrupted run;"
                    + " it had: " + checkpoint.stream() + "; now: " + effective.fingerprint(),
                    "rerun with the earlier options, or start a new run without --resume");
        }
        List<Checkpoint.Range> ranges = new ArrayList<>(checkpoint.ranges());
        ranges.sort(Comparator.comparingLong(Checkpoint.Range::from));
        ranges.removeIf(r -> r.to() <= r.from());
        return new Start(checkpoint.runId(), effective, checkpoint.acknowledged(), ranges);
    }

    /** The column types the mapping would use; for callers that want to show the mapping. */
    public String insertSql() {
        Map<String, String> types = new LandingTable(db, datasource.name()).columnTypes(datasource);
        return JsonPathMapping.of(datasource, types).insertFromInput(db.name(), datasource.name());
    }
}
