package dev.mvlab.lesson;

import java.util.List;

/** {@code copy: pipe}: runs a copy pipe once through the {@link Deployer}, as its schedule would. */
record CopyStep(StepInfo info, String pipe) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow();
        List<String> names = DatafileNames.of(spec);
        if (names.size() != 1) {
            throw spec.error(spec.value(), "'copy' takes one copy pipe, not " + names.size());
        }
        return new CopyStep(spec.info(), names.get(0));
    }

    @Override
    public StepKind kind() {
        return StepKind.COPY;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("run the copy pipe " + pipe + " once"));
    }

    @Override
    public void run(StepContext context) {
        ApplyStep.show(context, context.deployer().copy(pipe, context.db()));
    }
}
