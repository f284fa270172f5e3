package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.generate.LandingTable;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Project;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Takes rows for a project's data sources: checks each against the table's types, queues the rows that fit for a
 * group-committed insert, writes the rest to quarantine. Shared by the Events API and {@code mvlab append}.
 */
public final class EventIngest implements AutoCloseable {
    private static final int MAX_ERRORS = 5;

    private final Database db;
    private final Project project;
    private final RetryPolicy retry;
    private final Quarantine quarantine;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final IdempotencyKeys keys;
    /** Requests with an idempotency key being ingested now, by the key's fingerprint: a retry waits for them. */
    private final Map<Long, CompletableFuture<IngestResult>> keyed = new ConcurrentHashMap<>();

    private record Target(EventSchema schema, IngestQueue queue) {
    }

    public EventIngest(Database db, ProjectGraph graph, SqlRenderer renderer, RetryPolicy retry) {
        this(db, graph, renderer, retry, null);
    }

    /** @param keys the remembered idempotency keys (closed with this); null: only ClickHouse deduplicates keys */
    EventIngest(Database db, ProjectGraph graph, SqlRenderer renderer, RetryPolicy retry, IdempotencyKeys keys) {
        this.db = db;
        this.project = graph.project();
        this.retry = retry;
        this.quarantine = new Quarantine(db, graph, renderer);
        this.keys = keys;
    }

    public EventIngest(Database db, ProjectGraph graph, SqlRenderer renderer) {
        this(db, graph, renderer, RetryPolicy.within(Duration.ofSeconds(30)));
    }

    /**
     * Ingests NDJSON (or one JSON object). With {@code waitForCommit} the call returns once the rows are stored; an
     * {@code idempotencyKey} makes retries of the same request store its rows once (and implies waiting).
     */
    public IngestResult ingest(String datasource, byte[] body, boolean waitForCommit, String idempotencyKey) {
        Target target = target(datasource, false);
        if (idempotencyKey == null || keys == null) {
            return ingest(target, body, waitForCommit, idempotencyKey, idempotencyKey == null ? null
                    : token(datasource, idempotencyKey));
        }
        return ingestOnce(target, body, idempotencyKey);
    }

    /**
     * A request with an idempotency key: answered from the remembered keys when it was done already (nothing is
     * sent); else written down as pending and sent with a token of the key and the second it was first seen, so
     * that a retry after a failure or a restart is deduplicated by ClickHouse. A retry arriving while the first
     * attempt runs waits for it and gets its answer.
     */
    private IngestResult ingestOnce(Target target, byte[] body, String key) {
        String name = target.schema.datasource().name();
        long fingerprint = IdempotencyKeys.fingerprint(db.name(), name, key);
        while (true) {
            CompletableFuture<IngestResult> mine = new CompletableFuture<>();
            CompletableFuture<IngestResult> running = keyed.putIfAbsent(fingerprint, mine);
            if (running != null) {
                try {
                    return replay(name, running.get().successfulRows(), running.get().quarantinedRows());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(503, "interrupted");
                } catch (ExecutionException e) {
                    continue; // that attempt failed: this one tries
                }
            }
            try {
                IdempotencyKeys.Entry entry = keys.find(fingerprint);
                IngestResult result;
                if (entry != null && !entry.pending()) {
                    result = replay(name, entry.rows(), entry.quarantined());
                } else {
                    int firstSecond = entry != null ? entry.firstSecond() : keys.now();
                    if (entry == null) {
                        keys.pending(fingerprint, firstSecond);
                    }
                    result = ingest(target, body, true, key, token(name, key + "\n" + firstSecond));
                    keys.done(fingerprint, firstSecond, result.successfulRows(), result.quarantinedRows());
                }
                mine.complete(result);
                return result;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                if (e instanceof ApiException api && api.status() == 503) {
                    throw new ApiException(503, e.getMessage() + "; a retry with the same Idempotency-Key stores "
                            + "the rows once");
                }
                throw e;
            } finally {
                keyed.remove(fingerprint, mine);
            }
        }
    }

    private static IngestResult replay(String datasource, long rows, long quarantined) {
        return new IngestResult(datasource, rows, quarantined, true, List.of("a retry of a request with the same "
                + "Idempotency-Key: nothing new was stored (its bad rows are in " + Quarantine.tableOf(datasource)
                + ")"));
    }

    /**
     * Ingests one batch of a file and waits for its commit; the batch's rows are sent on their own with
     * {@code token}, so resending the same batch with the same token stores it once. With {@code byName} the
     * fields are named like the columns (CSV converted to JSON, NDJSON by name), else read through the JSONPaths.
     */
    IngestResult ingestBatch(String datasource, byte[] ndjson, boolean byName, String token) {
        return ingest(target(datasource, byName), ndjson, true, token, token);
    }

    /**
     * @param importId the request's or batch's name in quarantine (a random one when null)
     * @param token    when not null, the rows are sent on their own with this deduplication token and awaited
     */
    private IngestResult ingest(Target target, byte[] body, boolean waitForCommit, String importId, String token) {
        EventLines.Split split = EventLines.split(body, target.schema);
        if (!split.rejected().isEmpty()) { // a random id only then: UUID.randomUUID() takes a lock every request waits on
            quarantine.write(target.schema, split.rejected(), importId != null ? importId
                    : UUID.randomUUID().toString());
        }
        List<String> errors = new ArrayList<>();
        split.rejected().stream().limit(MAX_ERRORS).forEach(r -> errors.add("line " + r.line() + ": "
                + String.join("; ", r.errors())));
        String name = target.schema.datasource().name();
        boolean committed = false;
        if (token != null) {
            try {
                target.queue.sendAlone(split.accepted(), token);
                committed = true;
            } catch (HttpInserter.Unavailable e) {
                throw new ApiException(503, "the engine did not take the rows: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(503, "interrupted");
            }
        } else {
            CompletableFuture<Void> done = target.queue.submit(split.accepted());
            if (waitForCommit || !split.rejected().isEmpty()) { // a 400 says what was stored: only once it is
                await(done);
                committed = true;
            }
        }
        return new IngestResult(name, split.acceptedRows(), split.rejected().size(), committed, errors);
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        } catch (ExecutionException e) {
            throw new ApiException(503, "the engine did not take the rows: " + e.getCause().getMessage());
        }
    }

    private Target target(String datasource, boolean byName) {
        String key = datasource + (byName ? "#name" : "");
        Target existing = targets.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (targets) {
            return targets.computeIfAbsent(key, k -> create(datasource, byName));
        }
    }

    private Target create(String name, boolean byName) {
        DataSource datasource = project.datasource(name).orElseThrow(() -> ApiException.notFound(
                "Data Source '" + name + "' not found; data sources: " + String.join(", ",
                        project.datasources().stream().map(DataSource::name).toList())));
        LandingTable table = new LandingTable(db, name);
        Map<String, String> types = table.columnTypes(datasource);
        table.ensureDeduplication();
        ZoneId zone = serverZone();
        EventSchema schema = byName ? EventSchema.byColumnName(datasource, types, zone)
                : EventSchema.of(datasource, types, zone);
        HttpInserter inserter = new HttpInserter(db.endpoint(), db.name(), schema.insertSql(db.name()), retry);
        return new Target(schema, new IngestQueue(name, inserter, 2));
    }

    /** The engine's time zone: ClickHouse reads a date-time text without a zone in it. */
    private ZoneId serverZone() {
        Object name = db.query("SELECT timezone()").rows().get(0).get(0);
        try {
            return ZoneId.of(String.valueOf(name));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String token(String datasource, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((datasource + "\n" + key)
                    .getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends everything queued, then stops. */
    @Override
    public void close() {
        targets.values().forEach(t -> t.queue.close());
        if (keys != null) {
            keys.close();
        }
    }
}
