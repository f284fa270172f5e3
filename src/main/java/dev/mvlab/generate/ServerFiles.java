package dev.mvlab.generate;

import dev.mvlab.engine.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream as NDJSON files on the server's disk, one per batch, for a server-side {@code INSERT ... SELECT} from
 * {@code file(glob)} (which reads the files in parallel, as parallel inserts would arrive). Written through the server
 * itself: into a folder of this machine when the server runs here, else into the server's user_files.
 */
record ServerFiles(String glob, List<String> paths, long bytes, boolean local) {

    static ServerFiles upload(Database db, Path workDir, StreamOptions options, long events, int chunk) {
        Path folder = workDir.toAbsolutePath().resolve("bench-ingest");
        try {
            Files.createDirectories(folder);
            return write(db, folder + "/part-", options, events, chunk, true);
        } catch (DatabaseException | IOException e) {
            return write(db, "mvlab_bench_ingest_part-", options, events, chunk, false); // a remote server
        }
    }

    private static ServerFiles write(Database db, String prefix, StreamOptions options, long events, int chunk,
                                     boolean local) {
        EventGenerator generator = new EventGenerator(options);
        EventJson json = new EventJson();
        ByteBuffer buffer = new ByteBuffer(chunk * 128 + 4096);
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        for (long done = 0; done < events; done += chunk) {
            for (long i = done; i < Math.min(events, done + chunk); i++) {
                json.append(buffer, generator.next());
            }
            String path = prefix + String.format("%06d", paths.size()) + ".ndjson";
            HttpInserter upload = new HttpInserter(db.endpoint(), db.name(), "INSERT INTO FUNCTION file("
                    + JsonPathMapping.literal(path) + ", 'LineAsString', 'line String') SETTINGS "
                    + "engine_file_truncate_on_insert = 1 FORMAT LineAsString", RetryPolicy.DEFAULT);
            try {
                upload.insert(buffer.array(), buffer.length(), "bench-" + done);
            } catch (HttpInserter.Unavailable e) {
                throw new MvlabException(ExitCode.ENGINE, e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MvlabException(ExitCode.ENGINE, "interrupted", null);
            }
            paths.add(path);
            bytes += buffer.length();
            buffer.clear();
        }
        return new ServerFiles(prefix + "*.ndjson", List.copyOf(paths), bytes, local);
    }

    void remove(Database db) {
        for (String path : paths) {
            if (local) {
                try {
                    Files.deleteIfExists(Path.of(path));
                    continue;
                } catch (IOException ignored) {
                    // fall through: empty it through the server
                }
            }
            db.execute("INSERT INTO FUNCTION file(" + JsonPathMapping.literal(path) + ", 'LineAsString', 'line "
                    + "String') SELECT '' LIMIT 0 SETTINGS engine_file_truncate_on_insert = 1");
        }
        if (local && !paths.isEmpty()) {
            try {
                Files.deleteIfExists(Path.of(paths.get(0)).getParent());
            } catch (IOException ignored) {
                // a scratch folder
            }
        }
    }
}
