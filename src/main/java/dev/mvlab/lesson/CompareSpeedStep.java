package dev.mvlab.lesson;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.clickhouse.QueryStats;
import dev.mvlab.clickhouse.ServerCatalog;
import dev.mvlab.sql.SqlScript;
import dev.mvlab.yaml.YamlMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code compare_speed: {mv: SELECT ..., raw: SELECT ..., runs: 7}}: asks the same question of a view's table and of
 * the raw table, each {@code runs} times after one warm-up run (in turns: view, raw, SELECT 1, view, ...), and shows the server's median time, the rows and
 * bytes each read, and the ratios. What it measures depends on the machine: it is shown, never asserted.
 */
record CompareSpeedStep(StepInfo info, String mv, String raw, int runs) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow();
        YamlMap fields = spec.fields();
        fields.allowOnly(List.of("mv", "raw", "runs"), "a 'compare_speed' (mv, raw and optionally runs)");
        String where = "step " + spec.number() + " (compare_speed)";
        long runs = fields.optionalLong("runs").orElse(7L);
        if (runs < 1 || runs > 100) {
            throw spec.error(fields.require("runs", ""), "'runs' is between 1 and 100");
        }
        return new CompareSpeedStep(spec.info(), one(spec, fields, "mv", where), one(spec, fields, "raw", where),
                (int) runs);
    }

    private static String one(StepSpec spec, YamlMap fields, String key, String where) {
        List<SqlScript.Statement> statements = SqlScript.split(fields.text(key, where));
        if (statements.size() != 1) {
            throw spec.error(fields.require(key, where), "'" + key + "' takes exactly one SELECT, not "
                    + statements.size());
        }
        return statements.get(0).sql();
    }

    @Override
    public StepKind kind() {
        return StepKind.COMPARE_SPEED;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Sql(mv), new StepOutput.Sql(raw),
                new StepOutput.Info("each runs " + runs + " times after a warm-up, in turns; the medians are compared"));
    }

    /** How long a comparison waits at most for the merges of the rows inserted just before it. */
    static final Duration QUIET_WAIT = Duration.ofSeconds(120);

    @Override
    public void run(StepContext context) {
        context.emit(new StepOutput.Sql(mv));
        context.emit(new StepOutput.Sql(raw));
        context.emit(new StepOutput.Info(awaitQuiet(context)));
        List<Side> sides = measureInTurns(context, List.of(mv, raw, "SELECT 1"));
        Side view = sides.get(0);
        Side table = sides.get(1);
        Side floor = sides.get(2);
        List<List<Object>> rows = List.of(view.row("view (mv)"), table.row("raw table"));
        context.emit(new StepOutput.Rows(new QueryResult(List.of("query", "median ms", "fastest ms", "rows read",
                "bytes read", "result rows"), List.of("String", "String", "String", "UInt64", "UInt64", "UInt64"),
                rows), 2));
        double speedup = table.median() / Math.max(view.median(), 1e-3);
        double beyondFloor = (table.median() - floor.median()) / Math.max(view.median() - floor.median(), 1e-3);
        double fewer = table.stats().readRows() / (double) Math.max(view.stats().readRows(), 1);
        context.emit(new StepOutput.Info(String.format(Locale.ROOT, "measured here: the view answered %.1fx faster "
                + "(median of %d runs) and read %.0fx fewer rows; any query costs %.2f ms here (SELECT 1), and "
                + "beyond that the view was %.1fx faster", speedup, runs, fewer, floor.median(), beyondFloor)));
    }

    /**
     * Waits until no background merge runs in the lesson's database: right after a big insert the engine merges its
     * parts for seconds, on the same cores, and a query measured then measures the merges (the view's small query
     * most). Nothing is forced: no OPTIMIZE, no setting; the merges end by themselves.
     */
    private static String awaitQuiet(StepContext context) {
        long started = System.nanoTime();
        long running = ServerCatalog.of(context.db()).awaitNoMerges(context.db().name(), Duration.ZERO, QUIET_WAIT);
        double waited = (System.nanoTime() - started) / 1e9;
        return running > 0
                ? String.format(Locale.ROOT, "measured while %d background merges still ran (waited %.0f s)",
                running, waited)
                : String.format(Locale.ROOT, "measured with no background merge running (waited %.1f s for them)",
                waited);
    }

    private record Side(double median, double fastest, QueryStats stats) {
        List<Object> row(String name) {
            return List.of(name, String.format(Locale.ROOT, "%.2f", median), String.format(Locale.ROOT, "%.2f",
                    fastest), stats.readRows(), stats.readBytes(), stats.resultRows());
        }
    }

    /**
     * Runs each query once to warm up, then {@code runs} rounds of every query in turn (view, raw, SELECT 1, view, ...)
     * rather than one query's runs after the other's: a moment when the machine is busy then slows every side of a
     * round, not one side's whole series, so the ratio of the medians compares like with like.
     */
    private List<Side> measureInTurns(StepContext context, List<String> queries) {
        var db = context.db();
        return inTurns(queries, runs, sql -> QueryStats.measure(db.endpoint(), db.name(), sql)).stream()
                .map(CompareSpeedStep::side).toList();
    }

    /** Each query's runs, measured by {@code measure}: one warm-up each, then {@code runs} rounds in turns. */
    static List<List<QueryStats>> inTurns(List<String> queries, int runs, Function<String, QueryStats> measure) {
        List<List<QueryStats>> runsOf = new ArrayList<>();
        for (String sql : queries) {
            measure.apply(sql);
            runsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int q = 0; q < queries.size(); q++) {
                runsOf.get(q).add(measure.apply(queries.get(q)));
            }
        }
        return runsOf;
    }

    private static Side side(List<QueryStats> all) {
        List<QueryStats> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(QueryStats::elapsed));
        double median = millis(sorted.get(sorted.size() / 2));
        if (sorted.size() % 2 == 0) {
            median = (median + millis(sorted.get(sorted.size() / 2 - 1))) / 2;
        }
        return new Side(median, millis(sorted.get(0)), sorted.get(sorted.size() / 2));
    }

    private static double millis(QueryStats stats) {
        return stats.elapsed().toNanos() / 1e6;
    }
}
