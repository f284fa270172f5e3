package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.clickhouse.TableEntry;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The files {@code mvlab append} has stored in a data source, by content: one {@link AppendCheckpoint} per file and
 * copy under {@code <project>/.mvlab/append/<database>.<datasource>/}. Decides whether a file is new, interrupted
 * (resume it) or appended already (nothing to do unless another copy is asked for).
 */
public final class AppendLedger {
    private final Path dir;
    private final Database db;
    private final String datasource;

    /** @param root normally {@code <project>/.mvlab/append} */
    public AppendLedger(Path root, Database db, String datasource) {
        this.dir = root.resolve(db.name() + "." + datasource);
        this.db = db;
        this.datasource = datasource;
    }

    /** What became of the file before: nothing, an interrupted append, or a complete one. */
    public sealed interface Earlier {
    }

    /** Never appended to this table (or only to a table since recreated). */
    public record NotYet() implements Earlier {
    }

    public record Interrupted(AppendCheckpoint checkpoint) implements Earlier {
    }

    public record Complete(AppendCheckpoint checkpoint) implements Earlier {
    }

    /** A file's identity: its content hash and size. */
    public record FileIdentity(String sha256, long bytes) {
        public static FileIdentity of(Path file) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), newDigest())) {
                long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
                return new FileIdentity(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest()
                        .digest()), bytes);
            } catch (IOException e) {
                throw new MvlabException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), null);
            }
        }
    }

    /** The latest copy of the file in this table, and whether it is complete. */
    public Earlier earlier(FileIdentity file) {
        Optional<AppendCheckpoint> latest = Optional.empty();
        for (int copy = 1; ; copy++) {
            Optional<AppendCheckpoint> next = AppendCheckpoint.read(path(file, copy));
            if (next.isEmpty()) {
                break;
            }
            latest = next;
        }
        String uuid = tableUuid();
        if (latest.isEmpty() || (uuid != null && !uuid.equals(latest.get().tableUuid()))) {
            return new NotYet();
        }
        return latest.get().complete() ? new Complete(latest.get()) : new Interrupted(latest.get());
    }

    /** An interrupted append of a file of this name whose content was different. */
    public Optional<AppendCheckpoint> interruptedNamed(String name) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String path = absolute(name);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(AppendCheckpoint::read).flatMap(Optional::stream)
                    .filter(c -> !c.complete() && c.file().equals(path)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String absolute(String name) {
        return Path.of(name).toAbsolutePath().normalize().toString();
    }

    /** Begins copy {@code copy} of the file, written down before its first batch is sent. */
    public AppendBatches start(FileIdentity file, String name, int copy, int batchBytes) {
        AppendCheckpoint checkpoint = new AppendCheckpoint(AppendCheckpoint.VERSION, absolute(name), file.sha256(),
                file.bytes(), tableUuid(), copy, batchBytes, 0, 0, 0, 0, false, java.time.Instant.now().toString());
        Path path = path(file, copy);
        checkpoint.write(path);
        return new AppendBatches(checkpoint, path);
    }

    /** Continues an interrupted append where its committed batches end. */
    public AppendBatches resume(AppendCheckpoint checkpoint) {
        return new AppendBatches(checkpoint, path(new FileIdentity(checkpoint.sha256(), checkpoint.bytes()),
                checkpoint.copy()));
    }

    /** Batches of data that has no identity (stdin): nothing is written down; tokens are random. */
    public static AppendBatches untracked(int batchBytes) {
        AppendCheckpoint checkpoint = new AppendCheckpoint(AppendCheckpoint.VERSION, "-",
                UUID.randomUUID().toString().replace("-", ""), 0, null, 1, batchBytes, 0, 0, 0, 0, false,
                java.time.Instant.now().toString());
        return new AppendBatches(checkpoint, null);
    }

    private Path path(FileIdentity file, int copy) {
        return dir.resolve(file.sha256() + (copy == 1 ? "" : "." + copy) + ".json");
    }

    /** The table's UUID (a recreated table has a new one); null when the database engine gives none. */
    private String tableUuid() {
        return ServerCatalog.of(db).table(db.name(), datasource).map(TableEntry::uuid).orElse(null);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
