package dev.mvlab.lesson;

import java.time.Duration;
import java.util.List;

/** What one step showed when it ran. {@code number} is 1-based. */
public record StepOutcome(int number, StepKind kind, StepInfo info, List<StepOutput> outputs, Duration elapsed) {
    public StepOutcome {
        outputs = List.copyOf(outputs);
    }
}
