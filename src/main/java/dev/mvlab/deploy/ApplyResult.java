package dev.mvlab.deploy;

import java.util.List;

/** The steps apply took (or, for a dry run, would consider), in apply order. */
public record ApplyResult(String database, boolean dryRun, List<ApplyStep> steps) {

    public long count(ApplyStep.Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }

    /** True when apply changed something in the database. */
    public boolean changed() {
        return count(ApplyStep.Action.CREATED) + count(ApplyStep.Action.RECREATED) + count(ApplyStep.Action.ALTERED) > 0;
    }
}
