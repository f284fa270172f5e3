package dev.mvlab.deploy;

import java.util.List;

/** The steps apply took (or, for a dry run, would consider), in apply order. */
public record ApplyResult(String database, boolean dryRun, List<AppliedStatement> steps) {

    public long count(AppliedStatement.Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }

    /** True when apply changed something in the database. */
    public boolean changed() {
        return count(AppliedStatement.Action.CREATED) + count(AppliedStatement.Action.RECREATED)
                + count(AppliedStatement.Action.ALTERED) > 0;
    }
}
