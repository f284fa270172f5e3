package dev.mvlab.lesson;

import java.util.List;

/** One step of a lesson. Each kind ({@code sql}, {@code verify}, ...) is one small class. */
public interface Step {

    StepKind kind();

    StepInfo info();

    /** What the step will show and do, without running it ({@code mvlab lesson show}). */
    List<StepOutput> preview();

    /**
     * The step's {@code say:} as the learner reads it. A generate step fills in {@code {events}}, {@code {inserts}}
     * and {@code {hours}} with what it will run, so the narrative stays true under {@code --events N}.
     *
     * @param defaultEvents the events of a generate step that gives no count
     */
    default String narrative(long defaultEvents) {
        return info().say();
    }

    /** Runs the step; everything it shows goes through {@link StepContext#emit}. */
    void run(StepContext context);
}
