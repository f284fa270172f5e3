package dev.mvlab.generate;

import java.util.List;

/**
 * The generating side of an ingest: replays the in-doubt batches of a resumed run with their exact boundaries,
 * then cuts the stream into batches of the configured size (or age) and hands them to the pipeline, registering
 * each in the checkpoint before it can be sent.
 */
final class BatchCutter {
    private final EventPump pump;
    private final BatchPipeline pipeline;
    private final CheckpointTracker tracker;
    private final BatchSettings settings;
    private final Progress.Listener listener;
    private final EventJson json = new EventJson();
    private long lastProgress = System.nanoTime();

    BatchCutter(EventPump pump, BatchPipeline pipeline, CheckpointTracker tracker, BatchSettings settings,
                Progress.Listener listener) {
        this.pump = pump;
        this.pipeline = pipeline;
        this.tracker = tracker;
        this.settings = settings;
        this.listener = listener;
    }

    void run(List<Checkpoint.Range> replay) throws BatchPipeline.Stopped {
        for (Checkpoint.Range range : replay) {
            if (range.from() != pump.position()) {
                throw new IllegalStateException("the checkpoint has a gap before event " + range.from()
                        + " (the stream is at " + pump.position() + ")");
            }
            if (range.done()) {
                pump.skipTo(range.to());
                continue;
            }
            LineBuffer buffer = pipeline.borrow();
            while (pump.position() < range.to()) {
                pump.appendUnpaced(json, buffer);
            }
            pipeline.submit(new BatchPipeline.Batch(range.from(), range.to(), buffer));
        }
        long flushNanos = settings.flushInterval().toNanos();
        LineBuffer buffer = null;
        long from = 0;
        long batchStart = 0;
        while (pump.hasNext()) {
            if (buffer == null) {
                buffer = pipeline.borrow();
                from = pump.position();
                batchStart = System.nanoTime();
            }
            pump.appendNext(json, buffer);
            long now = System.nanoTime();
            if (pump.position() - from >= settings.size() || buffer.length() >= BatchPipeline.MAX_BATCH_BYTES
                    || now - batchStart >= flushNanos) {
                cut(from, buffer);
                buffer = null;
            }
            if (now - lastProgress >= 500_000_000L) {
                listener.progress(new Progress(pump.position(), pipeline.acknowledgedLines(), pump.elapsed()));
                lastProgress = now;
            }
        }
        if (buffer != null) {
            if (pump.position() > from) {
                cut(from, buffer);
            } else {
                pipeline.giveBack(buffer);
            }
        }
    }

    private void cut(long from, LineBuffer buffer) throws BatchPipeline.Stopped {
        tracker.register(from, pump.position());
        pipeline.submit(new BatchPipeline.Batch(from, pump.position(), buffer));
    }
}
