package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Identifiers;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code optimize:} a table or a list of tables: {@code OPTIMIZE TABLE ... FINAL}, merging every part now. */
record OptimizeStep(StepInfo info, List<String> statements) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow();
        List<String> statements = spec.names().stream()
                .map(name -> "OPTIMIZE TABLE " + qualified(name.text().strip()) + " FINAL").toList();
        return new OptimizeStep(spec.info(), statements);
    }

    private static String qualified(String name) {
        return Arrays.stream(name.split("\\.", 2)).map(Identifiers::quote).collect(Collectors.joining("."));
    }

    @Override
    public StepKind kind() {
        return StepKind.OPTIMIZE;
    }

    @Override
    public List<StepOutput> preview() {
        return statements.stream().<StepOutput>map(StepOutput.Sql::new).toList();
    }

    @Override
    public void run(StepContext context) {
        for (String sql : statements) {
            context.emit(new StepOutput.Sql(sql));
            context.db().execute(sql);
        }
    }
}
