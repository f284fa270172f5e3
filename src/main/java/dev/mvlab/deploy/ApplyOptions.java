package dev.mvlab.deploy;

import java.util.Set;

/**
 * @param dryRun   render the plan and return it; connect to nothing, run nothing
 * @param recreate drop and recreate objects the database defines differently, when that loses no data:
 *                 views, materialized views, and tables that are empty
 * @param deferred materialized views to leave out although missing: a backfill creates them after the apply
 */
public record ApplyOptions(boolean dryRun, boolean recreate, Set<String> deferred) {
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, false);

    public ApplyOptions {
        deferred = Set.copyOf(deferred);
    }

    public ApplyOptions(boolean dryRun, boolean recreate) {
        this(dryRun, recreate, Set.of());
    }
}
