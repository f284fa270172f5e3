package dev.mvlab.lesson;

import java.util.List;

/** One step of a lesson. Each kind ({@code sql}, {@code verify}, ...) is one small class. */
public interface Step {

    /** The manifest keyword of the kind, e.g. {@code sql}. */
    String kind();

    StepInfo info();

    /** What the step will show and do, without running it ({@code mvlab lesson show}). */
    List<StepOutput> preview();

    /** Runs the step; everything it shows goes through {@link StepContext#emit}. */
    void run(StepContext context);
}
