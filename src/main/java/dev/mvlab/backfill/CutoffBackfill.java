package dev.mvlab.backfill;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.SqlRenderer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates a materialized view and fills it with what its source held before, while the source keeps receiving rows
 * (lesson 2's cut-off method):
 * <ol>
 * <li>the cut-off is a point in event time ahead of the source's newest row;</li>
 * <li>the view is created reading only rows at or past the cut-off (the source's name shadowed by a WITH clause);</li>
 * <li>once the stream's newest row is the lateness past the cut-off (or the source went idle), the view's own query
 * runs over the rows before the cut-off and its result goes into the target;</li>
 * <li>the view gets the files' query back ({@code ALTER TABLE ... MODIFY QUERY}), so rows that arrive later, however
 * late, reach it.</li>
 * </ol>
 * A row is before the cut-off or not: it reaches the target through the backfill or through the view, never both,
 * never neither, as long as no row arrives later than the lateness.
 */
public final class CutoffBackfill {
    private final Database db;
    private final SqlRenderer renderer;
    private final ProjectGraph graph;
    private final BackfillOptions options;
    private final BackfillListener listener;

    public CutoffBackfill(Database db, SqlRenderer renderer, ProjectGraph graph, BackfillOptions options,
                          BackfillListener listener) {
        this.db = db;
        this.renderer = renderer;
        this.graph = graph;
        this.options = options;
        this.listener = listener;
    }

    /** The views of the project that are missing from the database and read a table that already holds rows. */
    public List<String> candidates() {
        Set<String> existing = SourceColumns.tables(db);
        List<String> views = new ArrayList<>();
        for (ProjectObject object : graph.objects()) {
            if (object.kind() == ObjectKind.MATERIALIZED_VIEW && !existing.contains(object.name())
                    && object.reads().stream().filter(existing::contains).anyMatch(t -> rows(t) > 0)) {
                views.add(object.name());
            }
        }
        return views;
    }

    public BackfillResult run(String name) {
        ProjectObject view = graph.object(name).filter(o -> o.kind() == ObjectKind.MATERIALIZED_VIEW)
                .orElseThrow(() -> new MvlabException(ExitCode.USAGE, "`" + name + "` is not a materialized pipe",
                        "materialized pipes: " + graph.objects().stream().filter(o -> o.kind()
                                == ObjectKind.MATERIALIZED_VIEW).map(ProjectObject::name)
                                .collect(Collectors.joining(", "))));
        Set<String> existing = SourceColumns.tables(db);
        if (existing.contains(view.name())) {
            throw new MvlabException(ExitCode.USAGE, "materialized view " + view.name() + " exists in database "
                    + db.name() + ": it has been writing to " + view.writes() + " since it was created, and which "
                    + "source rows it saw cannot be told apart from the others",
                    "to backfill it, drop the view and empty its target, then run the backfill again: it creates "
                            + "the view itself");
        }
        if (!existing.contains(view.writes())) {
            throw new MvlabException(ExitCode.USAGE, "the target " + view.writes() + " of " + view.name()
                    + " does not exist in database " + db.name(), "'mvlab apply --backfill' creates the project and "
                    + "backfills its new views in one go");
        }
        List<String> sources = view.reads().stream().filter(existing::contains)
                .filter(t -> !SourceColumns.isView(db, t)).toList();
        if (sources.size() != 1) {
            throw new MvlabException(ExitCode.USAGE, view.name() + " reads " + (sources.isEmpty() ? "no existing "
                    + "table" : "several tables " + sources) + "; a cut-off backfill needs exactly one source table");
        }
        String source = sources.get(0);
        String column = SourceColumns.eventTime(db, source, options.column());
        List<String> statements = new ArrayList<>();
        if (rows(source) == 0) {
            String create = create(view, null, source, column);
            db.execute(create);
            statements.add(create);
            return new BackfillResult(view.name(), source, view.writes(), column, null, 0, 0, Duration.ZERO,
                    statements);
        }
        long cutoff = cutoff(source, column);
        String at = "fromUnixTimestamp64Milli(toInt64(" + cutoff + "))";
        String create = create(view, ">= " + at, source, column);
        db.execute(create);
        statements.add(create);
        long started = System.nanoTime();
        try {
            awaitStream(source, column, cutoff);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            String insert = insert(view, "< " + at, source, column);
            runWithProgress(insert);
            statements.add(insert);
            String restore = "ALTER TABLE " + Identifiers.quote(view.name()) + " MODIFY QUERY\n" + renderer.select(view);
            db.execute(restore);
            statements.add(restore);
            String where = " FROM " + Identifiers.quote(source) + " WHERE " + Identifiers.quote(column);
            return new BackfillResult(view.name(), source, view.writes(), column,
                    String.valueOf(db.query("SELECT toString(" + at + ")").scalar()),
                    db.queryLong("SELECT count()" + where + " < " + at),
                    db.queryLong("SELECT count()" + where + " >= " + at), waited, statements);
        } catch (RuntimeException e) {
            throw new MvlabException(ExitCode.DATABASE, "the backfill of " + view.name() + " stopped: "
                    + e.getMessage() + "; the view exists and reads only rows of " + source + " from the cut-off on",
                    "check " + view.writes() + " before you run anything again; 'mvlab apply --recreate' gives the "
                    + "view the files' query back (in place)", e);
        }
    }

    /**
     * Ahead of the newest row by the margin, or by 10 seconds of the stream's own pace when that is more: the view
     * must exist before the stream reaches the cut-off.
     */
    private long cutoff(String source, String column) {
        long first = newest(source, column);
        sleep(1000);
        long second = newest(source, column);
        long pace = Math.max(0, second - first) * 10;
        return second + Math.max(options.margin().toMillis(), pace);
    }

    private void awaitStream(String source, String column, long cutoff) {
        long goal = cutoff + options.lateness().toMillis();
        long lastRows = rows(source);
        long quietSince = System.nanoTime();
        while (true) {
            long newest = newest(source, column);
            if (newest >= goal) {
                return;
            }
            long count = rows(source);
            if (count != lastRows) {
                lastRows = count;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= options.idle().toNanos()) {
                return;
            }
            listener.progress("waiting for the stream to pass the cut-off plus " + options.lateness().toMinutes()
                    + " min: " + Math.max(0, (goal - newest) / 1000) + " s of event time to go");
            sleep(500);
        }
    }

    private void runWithProgress(String insert) {
        String marker = "mvlab backfill " + UUID.randomUUID();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> db.execute("/* " + marker + " */ "
                + insert));
        while (true) {
            try {
                running.get(1, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                dev.mvlab.clickhouse.ServerCatalog.of(db).progress(marker).ifPresent(p -> listener.progress(
                        "backfilling: read " + p.readRows() + " of about " + p.totalRowsApprox() + " rows"));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private String create(ProjectObject view, String condition, String source, String column) {
        String select = condition == null ? renderer.select(view)
                : BackfillSql.shadowed(db, renderer, view, rows(source, column, condition), "*");
        return "CREATE MATERIALIZED VIEW " + Identifiers.quote(view.name()) + " TO " + Identifiers.quote(view.writes())
                + "\nAS\n" + select;
    }

    private String insert(ProjectObject view, String condition, String source, String column) {
        return BackfillSql.insert(db, renderer, view, rows(source, column, condition));
    }

    /** The source's rows whose event-time column meets {@code condition}. */
    private static Map<String, String> rows(String source, String column, String condition) {
        return Map.of(source, Identifiers.quote(column) + " " + condition);
    }

    private long newest(String source, String column) {
        return db.queryLong("SELECT toUnixTimestamp64Milli(toDateTime64(max(" + Identifiers.quote(column)
                + "), 3)) FROM " + Identifiers.quote(source));
    }

    private long rows(String table) {
        return db.queryLong("SELECT count() FROM " + Identifiers.quote(table));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
