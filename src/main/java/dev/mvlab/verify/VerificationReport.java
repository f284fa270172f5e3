package dev.mvlab.verify;

import java.util.List;

/** The results of a set of checks, in the order they ran. */
public record VerificationReport(List<CheckResult> results) {

    public VerificationReport {
        results = List.copyOf(results);
    }

    /** True when every verdict is the expected one. */
    public boolean asExpected() {
        return results.stream().allMatch(CheckResult::asExpected);
    }

    public List<CheckResult> unexpected() {
        return results.stream().filter(r -> !r.asExpected()).toList();
    }
}
