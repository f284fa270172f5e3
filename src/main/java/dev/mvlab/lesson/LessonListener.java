package dev.mvlab.lesson;

/**
 * Follows a lesson as it runs, so its output appears step by step. Every method has an empty default.
 */
public interface LessonListener {
    LessonListener NONE = new LessonListener() {
    };

    /** The lesson's database was reset and the first step is about to run. */
    default void lessonStarted(Lesson lesson, String database) {
    }

    /** A step is about to run; {@code number} is 1-based. */
    default void stepStarted(int number, int total, Step step) {
    }

    /** A step shows something (called as it happens, before the step ends). */
    default void output(StepOutput output) {
    }

    default void stepFinished(StepOutcome outcome) {
    }

    /**
     * The run waits here for the learner: after each step with {@code --step}, and at {@code pause} steps. An
     * interactive listener waits for Enter; the default returns at once.
     */
    default void awaitContinue(String prompt) {
    }
}
