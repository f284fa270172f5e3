package dev.mvlab.generate;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Writes the event stream as NDJSON to a file or stdout, so it can be piped anywhere. */
public final class NdjsonExport {
    private static final int CHUNK = 1 << 16;
    private static final long PACED_FLUSH_NANOS = 200_000_000L;

    /**
     * Writes lines until the limits stop the run. When the reader goes away (a closed pipe, as with
     * {@code | head}), the run ends early with what was written, and a note says so.
     */
    public GenerateResult write(StreamOptions options, RunLimits limits, OutputStream out, String target,
                                Progress.Listener listener) {
        EventPump pump = new EventPump(options, limits);
        EventJson json = new EventJson();
        LineBuffer buffer = new LineBuffer(CHUNK + 256);
        List<String> notes = new ArrayList<>();
        long written = 0;
        long lastFlush = System.nanoTime();
        long lastProgress = lastFlush;
        try {
            while (pump.hasNext()) {
                pump.appendNext(json, buffer);
                long now = System.nanoTime();
                if (buffer.length() >= CHUNK || limits.rate() > 0 && now - lastFlush >= PACED_FLUSH_NANOS) {
                    buffer.writeTo(out);
                    out.flush();
                    written = pump.position();
                    buffer.clear();
                    lastFlush = now;
                }
                if (now - lastProgress >= 500_000_000L) {
                    listener.progress(new Progress(pump.position(), written, pump.elapsed()));
                    lastProgress = now;
                }
            }
            buffer.writeTo(out);
            out.flush();
            written = pump.position();
        } catch (IOException e) {
            if (!target.equals("stdout")) {
                throw new MvlabException(ExitCode.USAGE, "cannot write " + target + ": " + e.getMessage(), null);
            }
            notes.add("the reader closed the output after " + written + " lines");
        }
        return new GenerateResult(target, options.seed(), written, pump.duplicates(), pump.late(), pump.actions(), 0,
                0, pump.elapsed(), 0, written, notes);
    }
}
