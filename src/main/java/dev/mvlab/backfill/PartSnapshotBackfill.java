package dev.mvlab.backfill;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ReplyLostException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.sql.SqlLiterals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fills new materialized views with what their source tables held before the views existed, without counting a row
 * twice or missing one. Before the views are created, merges of each source table stop and its active parts are
 * noted: those parts hold exactly the rows the new view will never see. After the views exist, each view's own query
 * runs over those parts only ({@code WITH source AS (SELECT * FROM db.source WHERE _part IN (...))} shadows the table
 * name) and its result is inserted into the view's target; rows inserted after the snapshot are in new parts and
 * reach the target through the view. Merges start again at the end. An insert that lands between the snapshot and the
 * CREATE of the view would be missed: in a lesson nothing else writes, and in production the cut-off goes into the
 * view's WHERE (event time), see lesson 2.
 *
 * <p>Only views whose trigger table existed before the apply are backfilled: a view reading a table that the same
 * apply creates is filled by the cascade from the backfill upstream of it. {@link CutoffBackfill} is the method for a
 * source that keeps receiving rows.
 */
public final class PartSnapshotBackfill {
    private final ProjectGraph graph;
    private final SqlRenderer renderer;
    private final Database db;
    private final Map<String, List<String>> snapshots = new LinkedHashMap<>();
    private final List<String> stopped = new ArrayList<>();

    private PartSnapshotBackfill(ProjectGraph graph, SqlRenderer renderer, Database db) {
        this.graph = graph;
        this.renderer = renderer;
        this.db = db;
    }

    /** The backfill INSERTs that ran, and one note per new view saying what it got. */
    public record Outcome(List<String> statements, List<String> notes) {
    }

    /** Stops merges on the source tables of the views about to be created and notes their parts. */
    public static PartSnapshotBackfill prepare(ProjectGraph graph, SqlRenderer renderer, Database db) {
        PartSnapshotBackfill backfill = new PartSnapshotBackfill(graph, renderer, db);
        Set<String> existing = SourceColumns.tables(db);
        try {
            for (ProjectObject view : graph.objects()) {
                if (view.kind() != ObjectKind.MATERIALIZED_VIEW || existing.contains(view.name())) {
                    continue;
                }
                for (String source : view.reads()) {
                    if (existing.contains(source) && !backfill.snapshots.containsKey(source)
                            && graph.object(source).map(o -> o.kind() == ObjectKind.TABLE).orElse(false)) {
                        backfill.snapshot(source);
                    }
                }
            }
        } catch (RuntimeException e) {
            backfill.release();
            throw e;
        }
        return backfill;
    }

    private void snapshot(String table) {
        SourceColumns.stopMerges(db, table);
        stopped.add(table);
        snapshots.put(table, SourceColumns.activeParts(db, table));
    }

    /**
     * Runs the backfill of every view among {@code created} (the objects the apply created, in its order), then lets
     * the sources merge again.
     */
    public Outcome run(List<String> created) {
        List<String> statements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            for (String name : created) {
                ProjectObject view = graph.object(name).orElseThrow();
                if (view.kind() != ObjectKind.MATERIALIZED_VIEW) {
                    continue;
                }
                List<String> triggers = view.reads().stream().filter(snapshots::containsKey)
                        .filter(source -> SourceColumns.fires(db, source, view.name())).toList();
                if (triggers.isEmpty()) {
                    notes.add(view.name() + ": no backfill, the table it reads is new (filled through the views "
                            + "upstream)");
                    continue;
                }
                if (triggers.stream().allMatch(t -> snapshots.get(t).isEmpty())) {
                    notes.add(view.name() + ": no backfill, " + String.join(", ", triggers) + " held no rows");
                    continue;
                }
                Map<String, String> parts = new LinkedHashMap<>();
                triggers.forEach(t -> parts.put(t, "_part IN (" + snapshots.get(t).stream().map(SqlLiterals::string)
                        .collect(Collectors.joining(", ")) + ")"));
                String sql = BackfillSql.insert(db, renderer, view, parts);
                String count = "SELECT count() FROM " + Identifiers.quote(view.writes());
                long before = db.queryLong(count);
                insertOnce(sql, count, before);
                statements.add(sql);
                notes.add(view.name() + ": backfilled from the " + triggers.stream().map(t -> snapshots.get(t).size()
                        + " part(s) " + t + " held before the view existed").collect(Collectors.joining(", "))
                        + "; " + view.writes() + " gained " + (db.queryLong(count) - before) + " rows");
            }
        } finally {
            release();
        }
        return new Outcome(statements, notes);
    }

    /**
     * Runs the backfill INSERT exactly once. When its reply is lost, waits until the server is done with it and
     * looks at the target: rows gained mean it ran; none mean it did not (or found nothing), so it runs again. In a
     * lesson nothing else writes to the target, so its row count tells.
     */
    private void insertOnce(String sql, String count, long before) {
        for (int attempt = 1; ; attempt++) {
            String marker = "mvlab backfill " + UUID.randomUUID();
            try {
                db.execute("/* " + marker + " */ " + sql);
                return;
            } catch (ReplyLostException e) {
                if (attempt == 3) {
                    throw e;
                }
                awaitEnd(marker);
                if (db.queryLong(count) != before) {
                    return;
                }
            }
        }
    }

    private void awaitEnd(String marker) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (db.running(marker) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the backfill to end", e);
            }
        }
    }

    /** Lets the source tables merge again. */
    public void release() {
        for (String table : stopped) {
            SourceColumns.startMerges(db, table);
        }
        stopped.clear();
    }
}
