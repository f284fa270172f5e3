package dev.mvlab.cli;

import dev.mvlab.backfill.BackfillOptions;
import dev.mvlab.backfill.BackfillResult;
import dev.mvlab.backfill.CutoffBackfill;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code mvlab backfill PIPE}: create a materialized view and backfill it with a cut-off, also while events flow. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Create a materialized view and fill it with what its source already holds, without "
                + "counting a row twice or missing one, also while events flow (the cut-off method of lesson 2).",
                "The view must not exist yet; its target must ('mvlab apply --backfill' does both)."})
final class BackfillCommand extends DeployCommands.Base implements Runnable {
    @Mixin
    DatabaseOption database;
    @Mixin
    Tuning tuning;
    @Parameters(paramLabel = "PIPE", description = "The materialized pipe.")
    String pipe;

    /** The cut-off's knobs, shared with apply --backfill. */
    static final class Tuning {
        @Option(names = "--column", paramLabel = "NAME",
                description = "The source's event-time column (default: the date/time column of its sorting key).")
        String column;
        @Option(names = "--lateness", converter = Converters.DurationConverter.class, defaultValue = "10m",
                description = "How late (in event time) a row may arrive (default ${DEFAULT-VALUE}).")
        Duration lateness;
        @Option(names = "--margin", converter = Converters.DurationConverter.class, defaultValue = "1m",
                description = "Least event time between the newest row and the cut-off (default ${DEFAULT-VALUE}).")
        Duration margin;
        @Option(names = "--idle", converter = Converters.DurationConverter.class, defaultValue = "5s",
                description = "A source without inserts for this long counts as stopped (default ${DEFAULT-VALUE}).")
        Duration idle;

        BackfillOptions options() {
            return new BackfillOptions(column, lateness, margin, idle);
        }
    }

    @Override
    public void run() {
        ProjectGraph graph = graph();
        if (cluster.given()) {
            throw new MvlabException(ExitCode.USAGE, "backfill runs on one server; it takes no --cluster",
                    "on the local cluster apply the views before the events flow: mvlab apply --cluster local, "
                            + "then mvlab generate --cluster local; on a real cluster, run it on each shard with "
                            + "--engine url (see docs/clusters.md)");
        }
        try (Database server = server()) {
            try (Database target = server.use(database.name())) {
                new Runner(target, rendering.renderer(), graph, tuning, out(), err()).run(pipe);
            }
        }
    }

    /** Runs backfills and prints their progress (on a terminal) and summaries. */
    static final class Runner {
        private final CutoffBackfill backfill;
        private final PrintWriter out;
        private final ProgressLine line;

        Runner(Database db, SqlRenderer renderer, ProjectGraph graph, Tuning tuning, PrintWriter out, PrintWriter err) {
            this.line = new ProgressLine(err);
            this.backfill = new CutoffBackfill(db, renderer, graph, tuning.options(), line::text);
            this.out = out;
        }

        List<String> candidates() {
            return backfill.candidates();
        }

        void run(String view) {
            BackfillResult r;
            try {
                r = backfill.run(view);
            } finally {
                line.close();
            }
            if (r.cutoff() == null) {
                out.println("created " + r.view() + ": " + r.source() + " held no rows, nothing to backfill");
                return;
            }
            out.printf(Locale.ROOT, "backfilled %s: cut-off %s = %s; %,d rows of %s before it went through the "
                            + "backfill, %,d from it on through the view (waited %.1f s for the stream to pass the "
                            + "cut-off)%n", r.view(), r.column(), r.cutoff(), r.backfilled(), r.source(), r.viaView(),
                    r.waited().toMillis() / 1000.0);
        }
    }
}
