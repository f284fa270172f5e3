package dev.mvlab.deploy;

import java.util.List;

/**
 * @param statements    how many statements the files render
 * @param engineChecked true when ClickHouse validated them (in a throwaway database); false when only the files were
 *                      checked (no engine running)
 * @param skipped       statements not tried because something they need failed
 */
public record CheckResult(int statements, boolean engineChecked, List<CheckIssue> issues, int skipped) {
    public boolean ok() {
        return issues.isEmpty();
    }
}
