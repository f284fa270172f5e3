package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.sql.SqlScript;
import dev.mvlab.yaml.YamlScalar;

import java.util.List;
import java.util.Map;

/**
 * {@code sql:} statements separated by semicolons, each shown and then run on the lesson's database. With
 * {@code expect_error: text}, the (single) statement must be refused with a message containing the text. In a cluster
 * lesson, {@code on:} names the nodes each statement runs on (default the first node; {@code all}: every node).
 */
record SqlStep(StepInfo info, List<SqlScript.Statement> statements, List<SourceLocation> lines, String expectError,
               NodeSelection on) implements Step {
    static final int MAX_ROWS = 20;

    static Step parse(StepSpec spec) {
        spec.allow("expect_error", NodeSelection.FIELD);
        YamlScalar script = spec.text();
        List<SqlScript.Statement> statements = SqlScript.split(script.text());
        if (statements.isEmpty()) {
            throw spec.error(script, "no statement in 'sql'");
        }
        String expectError = spec.map().optionalText("expect_error").orElse(null);
        if (expectError != null && statements.size() != 1) {
            throw spec.error(spec.map().require("expect_error", ""), "'expect_error' applies to a step with one "
                    + "statement; this one has " + statements.size(), "put the statement that fails in a step of its own");
        }
        List<SourceLocation> lines = statements.stream().map(s -> new SourceLocation(script.location().file(),
                script.firstTextLine() + s.line(), 1)).toList();
        return new SqlStep(spec.info(), statements, lines, expectError, NodeSelection.of(spec));
    }

    @Override
    public StepKind kind() {
        return StepKind.SQL;
    }

    @Override
    public List<StepOutput> preview() {
        return NodeSelection.preview(on, statements.stream().<StepOutput>map(s -> new StepOutput.Sql(s.sql())).toList());
    }

    @Override
    public void run(StepContext context) {
        context.where(on);
        Map<String, Database> databases = context.databases(on);
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i).sql();
            context.at(lines.get(i));
            context.emit(new StepOutput.Sql(sql));
            for (Map.Entry<String, Database> node : databases.entrySet()) {
                run(context, sql, node.getKey(), node.getValue(), databases.size() > 1);
            }
        }
    }

    private void run(StepContext context, String sql, String node, Database db, boolean label) {
        QueryResult result;
        try {
            result = db.run(sql);
        } catch (DatabaseException e) {
            if (expectError != null && e.getMessage().contains(expectError)) {
                context.emit(new StepOutput.Refused((node.isEmpty() ? "" : node + ": ") + e.getMessage()));
                return;
            }
            throw node.isEmpty() ? e : new DatabaseException("on " + node + ": " + e.getMessage(), e.sql(), e);
        }
        if (expectError != null) {
            throw new MvlabException(ExitCode.VERDICT, "ClickHouse ran the statement" + (node.isEmpty() ? ""
                    : " on " + node) + ", but the lesson expects it to be refused with '" + expectError + "'");
        }
        if (!result.columns().isEmpty()) {
            if (label) {
                context.emit(new StepOutput.Info(node + ":"));
            }
            context.emit(new StepOutput.Rows(result, MAX_ROWS));
        }
    }
}
