package dev.mvlab.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What a run into a landing table has delivered, written to {@code .mvlab/generate/<database>.<table>.json} before
 * each batch is sent and after each is acknowledged. Events below {@code acknowledged} are in the table; each
 * range after it is a batch already cut from the stream, done (acknowledged) or in doubt (sent or about to be, its
 * fate unknown). {@code --resume} regenerates the stream, skips what is done and resends every in-doubt range with
 * the same boundaries and so the same deduplication token: whatever the server already holds is dropped there.
 *
 * @param stream the stream's options fingerprint: a resume must produce the same stream
 */
public record Checkpoint(int version, String runId, String database, String table, String stream, long seed,
                         long acknowledged, List<Range> ranges, boolean complete) {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Events [from, to) of the stream, sent as one batch with token {@code runId:from-to}. */
    public record Range(long from, long to, boolean done) {
    }

    public static String token(String runId, long from, long to) {
        return runId + ":" + from + "-" + to;
    }

    /** Everything acknowledged: the prefix plus the ranges that are done. */
    public long acknowledgedEvents() {
        return acknowledged + ranges.stream().filter(Range::done).mapToLong(r -> r.to() - r.from()).sum();
    }

    public static Optional<Checkpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Checkpoint.class));
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read the checkpoint " + file + ": " + e.getMessage(),
                    "delete it and start a new run without --resume");
        }
    }

    /** Writes atomically (a temporary file moved into place), so a crash leaves the old or the new version. */
    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write the checkpoint " + file + ": " + e.getMessage(),
                    "check that the project folder is writable");
        }
    }
}
