package dev.mvlab.bench;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.generate.EventGenerator;
import dev.mvlab.generate.EventJson;
import dev.mvlab.generate.JsonPathMapping;
import dev.mvlab.generate.StreamOptions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream's NDJSON lines held on the server, in a {@code Memory} table of raw lines, for a server-side
 * {@code INSERT ... SELECT} through the JSONPath mapping. Each batch is sent as one insert (same lines, same cut as
 * the end-to-end run), so it stays one block of the table and the ceiling reads the blocks in parallel, as parallel
 * inserts would arrive (through {@code clickhouse.HttpInserter}, as the end-to-end run). Needs no file, URL or remote access. Staging is not timed.
 */
record StagedBatches(String table, int batches, long bytes) {

    static StagedBatches upload(Database db, String table, StreamOptions options, long events, int chunk) {
        db.execute(JsonPathMapping.lineTable(db.name(), table));
        EventGenerator generator = new EventGenerator(options);
        EventJson json = new EventJson();
        HttpInserter upload = new HttpInserter(db.endpoint(), db.name(), "INSERT INTO " + Identifiers.quote(table)
                + " FORMAT LineAsString", RetryPolicy.DEFAULT);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(chunk * 128 + 4096);
        int batches = 0;
        long bytes = 0;
        for (long done = 0; done < events; done += chunk) {
            for (long i = done; i < Math.min(events, done + chunk); i++) {
                buffer.writeBytes(json.line(generator.next()).getBytes(StandardCharsets.UTF_8));
                buffer.write('\n');
            }
            try {
                upload.insert(buffer.toByteArray(), buffer.size(), "bench-" + done);
            } catch (HttpInserter.Unavailable e) {
                throw new MvlabException(ExitCode.ENGINE, e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MvlabException(ExitCode.ENGINE, "interrupted", null);
            }
            batches++;
            bytes += buffer.size();
            buffer.reset();
        }
        return new StagedBatches(table, batches, bytes);
    }
}
