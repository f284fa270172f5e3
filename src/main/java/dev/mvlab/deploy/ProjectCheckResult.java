package dev.mvlab.deploy;

import dev.mvlab.model.Warning;

import java.util.List;

/**
 * @param statements    how many statements the files render
 * @param engineChecked true when ClickHouse validated them (in a throwaway database); false when only the files were
 *                      checked (no engine running)
 * @param skipped       statements not tried because something they need failed
 * @param lint          lint warnings ClickHouse's answers showed (materialized view columns against their targets)
 */
public record ProjectCheckResult(int statements, boolean engineChecked, List<CheckIssue> issues, int skipped,
                          List<Warning> lint) {

    public ProjectCheckResult(int statements, boolean engineChecked, List<CheckIssue> issues, int skipped) {
        this(statements, engineChecked, issues, skipped, List.of());
    }

    public boolean ok() {
        return issues.isEmpty();
    }
}
