package dev.mvlab.verify;

/** The outcome of one check: what it found and what was expected of it. */
public record CheckResult(Check check, Verdict expected, Comparison comparison) {

    public Verdict verdict() {
        return comparison.verdict();
    }

    public boolean asExpected() {
        return verdict() == expected;
    }
}
