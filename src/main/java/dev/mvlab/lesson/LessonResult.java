package dev.mvlab.lesson;

import java.util.List;

/** A lesson run: what every step showed, and every verdict against its expectation. */
public record LessonResult(Lesson lesson, String database, List<StepOutcome> steps, List<LessonVerdict> verdicts) {
    public LessonResult {
        steps = List.copyOf(steps);
        verdicts = List.copyOf(verdicts);
    }

    /** True when every verdict is the one the lesson expects. */
    public boolean asExpected() {
        return verdicts.stream().allMatch(LessonVerdict::asExpected);
    }

    public List<LessonVerdict> unexpected() {
        return verdicts.stream().filter(v -> !v.asExpected()).toList();
    }
}
