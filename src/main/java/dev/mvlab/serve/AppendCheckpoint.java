package dev.mvlab.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What {@code mvlab append} has stored of one file (by content) in one data source, written after each batch is
 * committed: the first {@code batches} batches of {@code batchBytes} each are in the table, holding the file's
 * first {@code lines} rows. A rerun skips them and resends from there with the same tokens, so a batch whose commit
 * was not heard of before the interruption is kept once.
 *
 * @param sha256    the file's content hash (of its bytes as stored, gzip or not)
 * @param tableUuid the table's UUID when the append began: a table recreated since has none of these rows
 * @param copy      1 for the first copy of the file, 2 for the one {@code --again} appended after it, ...
 * @param updated   when this was last written (ISO-8601)
 */
public record AppendCheckpoint(int version, String file, String sha256, long bytes, String tableUuid, int copy,
                               int batchBytes, long batches, long lines, long rows, long quarantined,
                               boolean complete, String updated) {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The deduplication token of batch {@code batch} of this copy of the file. */
    String token(long batch) {
        return "append-" + sha256.substring(0, 32) + "-" + copy + ":" + batch;
    }

    AppendCheckpoint after(long batchesDone, long linesDone, long rowsDone, long quarantinedDone, boolean done) {
        return new AppendCheckpoint(version, file, sha256, bytes, tableUuid, copy, batchBytes, batchesDone, linesDone,
                rowsDone, quarantinedDone, done, java.time.Instant.now().toString());
    }

    static Optional<AppendCheckpoint> read(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(path.toFile(), AppendCheckpoint.class));
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read the append checkpoint " + path + ": "
                    + e.getMessage(), "delete it; the file is then appended as new");
        }
    }

    /** Writes atomically (a temporary file moved into place), so a crash leaves the old or the new version. */
    void write(Path path) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write the append checkpoint " + path + ": "
                    + e.getMessage(), "check that the project folder is writable");
        }
    }
}
