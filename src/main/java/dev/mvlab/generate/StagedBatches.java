package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

/**
 * A stream's NDJSON lines held on the server, in a {@code Memory} table of raw lines, for a server-side
 * {@code INSERT ... SELECT} through the JSONPath mapping. Each batch is sent as one insert through the same
 * {@link HttpInserter} path as the end-to-end run (same bytes, same cut), so it stays one block of the table and the
 * ceiling reads the blocks in parallel, as parallel inserts would arrive. Needs no file, URL or remote access.
 */
record StagedBatches(String table, int batches, long bytes) {

    static StagedBatches upload(Database db, String table, StreamOptions options, long events, int chunk) {
        db.execute(JsonPathMapping.lineTable(db.name(), table));
        EventGenerator generator = new EventGenerator(options);
        EventJson json = new EventJson();
        LineBuffer buffer = new LineBuffer(chunk * 128 + 4096);
        HttpInserter upload = new HttpInserter(db.endpoint(), db.name(), "INSERT INTO "
                + Identifiers.quote(table) + " FORMAT LineAsString", RetryPolicy.DEFAULT);
        int batches = 0;
        long bytes = 0;
        for (long done = 0; done < events; done += chunk) {
            for (long i = done; i < Math.min(events, done + chunk); i++) {
                json.append(buffer, generator.next());
            }
            try {
                upload.insert(buffer.array(), buffer.length(), "bench-" + done);
            } catch (HttpInserter.Unavailable e) {
                throw new MvlabException(ExitCode.ENGINE, e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MvlabException(ExitCode.ENGINE, "interrupted", null);
            }
            batches++;
            bytes += buffer.length();
            buffer.clear();
        }
        return new StagedBatches(table, batches, bytes);
    }
}
