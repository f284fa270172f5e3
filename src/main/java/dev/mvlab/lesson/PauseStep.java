package dev.mvlab.lesson;

import dev.mvlab.yaml.YamlScalar;

import java.util.List;

/**
 * {@code pause:} narrative (a question to think about, say), then the run waits for Enter when the learner runs it
 * in a terminal. {@code pause:} with no text just waits.
 */
record PauseStep(StepInfo info, String text) implements Step {
    static final String PROMPT = "Press Enter to continue";

    static Step parse(StepSpec spec) {
        spec.map().allowOnly(List.of("title", "pause"), "a 'pause' step (its text is the value of 'pause')");
        String text = spec.value() instanceof YamlScalar s && s.isNull() ? "" : spec.text().text().strip();
        return new PauseStep(spec.info(), text);
    }

    @Override
    public StepKind kind() {
        return StepKind.PAUSE;
    }

    @Override
    public List<StepOutput> preview() {
        return text.isEmpty() ? List.of() : List.of(new StepOutput.Narrative(text));
    }

    @Override
    public void run(StepContext context) {
        if (!text.isEmpty()) {
            context.emit(new StepOutput.Narrative(text));
        }
        context.awaitContinue(PROMPT);
    }
}
