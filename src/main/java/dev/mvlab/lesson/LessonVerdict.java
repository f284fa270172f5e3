package dev.mvlab.lesson;

import dev.mvlab.verify.CheckResult;

/** A check's verdict at one step of a lesson (the same check may run at several steps with different expectations). */
public record LessonVerdict(int step, CheckResult result) {
    public boolean asExpected() {
        return result.asExpected();
    }
}
