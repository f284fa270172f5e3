package dev.mvlab.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the checkpoint of a running ingest up to date: batches are registered when cut (before they can be sent)
 * and marked done when ClickHouse acknowledges them; acknowledged ranges at the front fold into the prefix.
 * Thread-safe: the generating thread registers, inserting threads acknowledge.
 */
final class CheckpointTracker {
    private final Path file;
    private final String runId;
    private final String database;
    private final String table;
    private final String stream;
    private final long seed;
    private long acknowledged;
    private final List<Checkpoint.Range> ranges;

    CheckpointTracker(Path file, String runId, String database, String table, StreamOptions options,
                      long acknowledged, List<Checkpoint.Range> ranges) {
        this.file = file;
        this.runId = runId;
        this.database = database;
        this.table = table;
        this.stream = options.fingerprint();
        this.seed = options.seed();
        this.acknowledged = acknowledged;
        this.ranges = new ArrayList<>(ranges);
    }

    String runId() {
        return runId;
    }

    synchronized void register(long from, long to) {
        if (ranges.stream().noneMatch(r -> r.from() == from && r.to() == to)) {
            ranges.add(new Checkpoint.Range(from, to, false));
        }
        write(false);
    }

    synchronized void acknowledge(long from, long to) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).from() == from && ranges.get(i).to() == to) {
                ranges.set(i, new Checkpoint.Range(from, to, true));
            }
        }
        while (!ranges.isEmpty() && ranges.get(0).done() && ranges.get(0).from() == acknowledged) {
            acknowledged = ranges.remove(0).to();
        }
        write(false);
    }

    synchronized void save() {
        write(false);
    }

    synchronized void complete() {
        write(true);
    }

    synchronized long acknowledgedEvents() {
        return snapshot(false).acknowledgedEvents();
    }

    private void write(boolean complete) {
        snapshot(complete).write(file);
    }

    private Checkpoint snapshot(boolean complete) {
        return new Checkpoint(Checkpoint.VERSION, runId, database, table, stream, seed, acknowledged,
                List.copyOf(ranges), complete);
    }
}
