package dev.mvlab.lesson;

import dev.mvlab.sql.SqlScript;
import dev.mvlab.yaml.YamlScalar;

import java.util.List;

/** {@code query:} one statement, shown with its result as a table (at most {@code max_rows} rows, 20 by default). */
record QueryStep(StepInfo info, String sql, int maxRows) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow("max_rows");
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
        return new QueryStep(spec.info(), statements.get(0).sql(), (int) maxRows);
    }

    @Override
    public StepKind kind() {
        return StepKind.QUERY;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Sql(sql));
    }

    @Override
    public void run(StepContext context) {
        context.emit(new StepOutput.Sql(sql));
        context.emit(new StepOutput.Rows(context.db().run(sql), maxRows));
    }
}
