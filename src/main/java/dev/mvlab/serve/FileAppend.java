package dev.mvlab.serve;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.LandingTable;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * {@code mvlab append}: loads CSV (with a header), NDJSON or Parquet files into a data source, gzip or not, with the
 * Events API's rules: NDJSON through the JSONPaths, CSV by column name, rows that do not fit go to quarantine.
 * Parquet goes to ClickHouse as it is (typed already; a file that does not fit fails as a whole).
 */
public final class FileAppend {
    /** The default batch size: rows are sent in batches of about this many bytes of NDJSON. */
    public static final int BATCH_BYTES = 4 << 20;
    private static final CsvMapper CSV = new CsvMapper();

    private final EventIngest ingest;
    private final Database db;

    /** The file kinds append reads. */
    public enum FileFormat {
        CSV, NDJSON, PARQUET;

        /** By extension ({@code .gz} ignored); null when the name does not say. */
        public static FileFormat byName(String name) {
            String n = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.gz$", "");
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".json")) {
                return NDJSON;
            }
            return n.endsWith(".parquet") ? PARQUET : null;
        }
    }

    /** Progress of one file: bytes read so far and rows taken. */
    public record Progress(String file, long bytes, long rows) {
    }

    public FileAppend(EventIngest ingest, Database db) {
        this.ingest = ingest;
        this.db = db;
    }

    /**
     * Appends one file's content; {@code in} may be gzip (detected by its magic bytes). A null {@code format} is
     * sniffed: Parquet's magic bytes, NDJSON when the first character is '{', else CSV.
     */
    public IngestResult append(String datasource, String fileName, InputStream in, FileFormat format,
                               Consumer<Progress> progress) {
        return append(datasource, fileName, in, format, progress, AppendLedger.untracked(BATCH_BYTES));
    }

    /**
     * Appends one file's content in {@code batches}: the batches stored already (an interrupted append's) are
     * skipped, the others are sent each with its own deduplication token and written down once committed.
     */
    public IngestResult append(String datasource, String fileName, InputStream in, FileFormat format,
                               Consumer<Progress> progress, AppendBatches batches) {
        try (InputStream data = decompressed(in)) {
            FileFormat kind = format != null ? format : sniff(data);
            IngestResult result = switch (kind) {
                case NDJSON -> ndjson(datasource, fileName, data, progress, batches);
                case CSV -> csv(datasource, fileName, data, progress, batches);
                case PARQUET -> parquet(datasource, data, batches);
            };
            batches.complete();
            return result;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read " + fileName + ": " + e.getMessage(),
                    "check the file and its format (CSV with a header, NDJSON or Parquet; gzip is fine)");
        }
    }

    private IngestResult ndjson(String datasource, String fileName, InputStream data, Consumer<Progress> progress,
                                AppendBatches batches) throws IOException {
        Totals totals = new Totals(datasource, batches);
        BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(batches.batchBytes() + 4096);
        long read = 0;
        int lineOffset = 0;
        int lines = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            chunk.write(bytes, 0, bytes.length);
            read += bytes.length;
            lines++;
            if (chunk.size() >= batches.batchBytes()) {
                send(datasource, chunk, false, totals, lineOffset, lines);
                lineOffset = lines;
                progress.accept(new Progress(fileName, read, totals.rows));
            }
        }
        if (chunk.size() > 0) {
            send(datasource, chunk, false, totals, lineOffset, lines);
        }
        progress.accept(new Progress(fileName, read, totals.rows));
        return totals.result();
    }

    private IngestResult csv(String datasource, String fileName, InputStream data, Consumer<Progress> progress,
                             AppendBatches batches) throws IOException {
        Totals totals = new Totals(datasource, batches);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(batches.batchBytes() + 4096);
        CountingStream counting = new CountingStream(data);
        long rows = 0;
        long chunkStart = 1; // the header is line 1
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(counting)) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                ObjectNode json = ApiReply.JSON.createObjectNode();
                row.forEach((k, v) -> {
                    if (v != null && !v.isEmpty()) {
                        json.put(k.strip(), v);
                    }
                });
                byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
                chunk.write(bytes, 0, bytes.length);
                rows++;
                if (chunk.size() >= batches.batchBytes()) {
                    send(datasource, chunk, true, totals, (int) chunkStart, rows);
                    chunkStart = rows + 1;
                    progress.accept(new Progress(fileName, counting.count, totals.rows));
                }
            }
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new MvlabException(ExitCode.USAGE, fileName + ":" + (rows + 2) + ": not CSV: " + e.getMessage(),
                    "a CSV file needs a header line with the column names");
        }
        if (chunk.size() > 0) {
            send(datasource, chunk, true, totals, (int) chunkStart, rows);
        }
        progress.accept(new Progress(fileName, counting.count, totals.rows));
        return totals.result();
    }

    /**
     * Sends one batch with its token and writes down that it is stored; a batch an interrupted append stored already
     * is skipped (its rows are in the totals from the checkpoint).
     */
    private void send(String datasource, ByteArrayOutputStream chunk, boolean byName, Totals totals, int lineOffset,
                      long linesAfter) {
        long batch = totals.batches++;
        if (batch >= totals.batchesStored) {
            totals.add(ingest.ingestBatch(datasource, chunk.toByteArray(), byName, totals.appendBatches.token(batch)),
                    lineOffset);
            totals.appendBatches.committed(batch + 1, linesAfter, totals.rows, totals.quarantined);
        }
        chunk.reset();
    }

    /** A Parquet file is one batch, sent with the file's token: a resend is dropped by ClickHouse. */
    private IngestResult parquet(String datasource, InputStream data, AppendBatches batches) throws IOException {
        if (batches.stored() > 0) {
            return new IngestResult(datasource, batches.start().rows(), 0, true, List.of());
        }
        new LandingTable(db, datasource).ensureDeduplication();
        long before = db.queryLong("SELECT count() FROM " + Identifiers.quote(datasource));
        HttpQueries http = new HttpQueries(db.endpoint());
        HttpQueries.Answer answer = http.insert(db.name(), "INSERT INTO " + Identifiers.quote(db.name()) + "."
                + Identifiers.quote(datasource) + " FORMAT Parquet", Map.of("insert_deduplicate", "1",
                "insert_deduplication_token", batches.token(0)), () -> data);
        if (!answer.ok()) {
            throw new DatabaseException(answer.message(), "INSERT INTO " + datasource + " FORMAT Parquet", null);
        }
        long after = db.queryLong("SELECT count() FROM " + Identifiers.quote(datasource));
        batches.committed(1, 0, Math.max(0, after - before), 0);
        return new IngestResult(datasource, Math.max(0, after - before), 0, true, List.of());
    }

    private static FileFormat sniff(InputStream data) throws IOException {
        data.mark(4096);
        byte[] head = data.readNBytes(4096);
        data.reset();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return FileFormat.PARQUET;
        }
        for (byte b : head) {
            if (!Character.isWhitespace(b)) {
                return b == '{' ? FileFormat.NDJSON : FileFormat.CSV;
            }
        }
        return FileFormat.NDJSON;
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
    }

    private static final class Totals {
        final String datasource;
        final AppendBatches appendBatches;
        final long batchesStored;
        long batches;
        long rows;
        long quarantined;
        final List<String> errors = new ArrayList<>();

        /** Starts from what the batches stored already hold. */
        Totals(String datasource, AppendBatches appendBatches) {
            this.datasource = datasource;
            this.appendBatches = appendBatches;
            this.batchesStored = appendBatches.stored();
            this.rows = appendBatches.start().rows();
            this.quarantined = appendBatches.start().quarantined();
        }

        void add(IngestResult chunk, int lineOffset) {
            rows += chunk.successfulRows();
            quarantined += chunk.quarantinedRows();
            for (String error : chunk.errors()) {
                if (errors.size() < 5) {
                    errors.add(shift(error, lineOffset));
                }
            }
        }

        private static String shift(String error, int offset) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+): ").matcher(error);
            return m.find() ? "line " + (Integer.parseInt(m.group(1)) + offset) + ": " + error.substring(m.end())
                    : error;
        }

        IngestResult result() {
            return new IngestResult(datasource, rows, quarantined, true, List.copyOf(errors));
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
