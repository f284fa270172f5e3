package dev.mvlab.lesson;

import java.util.List;

/** {@code note:} narrative only. */
record NoteStep(StepInfo info, String text) implements Step {

    static Step parse(StepSpec spec) {
        spec.map().allowOnly(List.of("title", "note"), "a 'note' step (its text is the value of 'note')");
        return new NoteStep(spec.info(), spec.text().text().strip());
    }

    @Override
    public StepKind kind() {
        return StepKind.NOTE;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Narrative(text));
    }

    @Override
    public void run(StepContext context) {
        context.emit(new StepOutput.Narrative(text));
    }
}
