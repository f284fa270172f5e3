package dev.mvlab.deploy;

/**
 * @param dryRun   render the plan and return it; connect to nothing, run nothing
 * @param recreate drop and recreate objects the database defines differently, when that loses no data:
 *                 views, materialized views, and tables that are empty
 */
public record ApplyOptions(boolean dryRun, boolean recreate) {
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, false);
}
