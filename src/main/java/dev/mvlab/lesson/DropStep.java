package dev.mvlab.lesson;

import java.util.List;

/** {@code drop:} data sources and pipes of the project, removed through the {@link Deployer}. */
record DropStep(StepInfo info, List<String> names) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow();
        return new DropStep(spec.info(), DatafileNames.of(spec));
    }

    @Override
    public StepKind kind() {
        return StepKind.DROP;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("drop " + String.join(", ", names)));
    }

    @Override
    public void run(StepContext context) {
        ApplyStep.show(context, context.deployer().drop(names, context.db()));
    }
}
