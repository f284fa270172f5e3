package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.sql.SqlScript;
import dev.mvlab.yaml.YamlScalar;

import java.util.List;
import java.util.Map;

/**
 * {@code query:} one statement, shown with its result as a table (at most {@code max_rows} rows, 20 by default); in a
 * cluster lesson on the nodes {@code on:} names (one table per node), by default the first.
 */
record QueryStep(StepInfo info, String sql, int maxRows, NodeSelection on) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow("max_rows", NodeSelection.FIELD);
        YamlScalar text = spec.text();
        List<SqlScript.Statement> statements = SqlScript.split(text.text());
        if (statements.size() != 1) {
            throw spec.error(text, "'query' takes exactly one statement, not " + statements.size(),
                    "use a 'sql' step for several statements");
        }
        long maxRows = spec.map().optionalLong("max_rows").orElse((long) SqlStep.MAX_ROWS);
        if (maxRows < 1 || maxRows > 10_000) {
            throw spec.error(spec.map().require("max_rows", ""), "'max_rows' is between 1 and 10000");
        }
        return new QueryStep(spec.info(), statements.get(0).sql(), (int) maxRows, NodeSelection.of(spec));
    }

    @Override
    public StepKind kind() {
        return StepKind.QUERY;
    }

    @Override
    public List<StepOutput> preview() {
        return NodeSelection.preview(on, List.of(new StepOutput.Sql(sql)));
    }

    @Override
    public void run(StepContext context) {
        context.where(on);
        context.emit(new StepOutput.Sql(sql));
        Map<String, Database> databases = context.databases(on);
        for (Map.Entry<String, Database> node : databases.entrySet()) {
            if (databases.size() > 1) {
                context.emit(new StepOutput.Info(node.getKey() + ":"));
            }
            context.emit(new StepOutput.Rows(node.getValue().run(sql), maxRows));
        }
    }
}
