package dev.mvlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code apply:} data sources and pipes of the project, created through the {@link Deployer}. New materialized views
 * start empty unless {@code backfill: true}.
 */
record ApplyStep(StepInfo info, List<String> names, boolean backfill) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow("backfill");
        return new ApplyStep(spec.info(), DatafileNames.of(spec), spec.map().optionalBoolean("backfill").orElse(false));
    }

    @Override
    public StepKind kind() {
        return StepKind.APPLY;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("apply " + String.join(", ", names) + (backfill ? " (with backfill)" : "")));
    }

    @Override
    public void run(StepContext context) {
        show(context, context.deployer().apply(new ApplyRequest(names, backfill), context.db()));
    }

    static void show(StepContext context, ApplyOutcome outcome) {
        List<StepOutput> outputs = new ArrayList<>();
        if (!outcome.created().isEmpty()) {
            outputs.add(new StepOutput.Created(outcome.created()));
        }
        List<String> createdSql = outcome.created().stream().map(ApplyOutcome.Created::sql).toList();
        outcome.statements().stream().filter(sql -> !createdSql.contains(sql))
                .forEach(sql -> outputs.add(new StepOutput.Sql(sql)));
        outcome.notes().forEach(note -> outputs.add(new StepOutput.Info(note)));
        outputs.forEach(context::emit);
    }
}
