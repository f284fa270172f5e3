package dev.mvlab.deploy;

import dev.mvlab.render.Statement;

/** What apply did with one statement of the plan. */
public record AppliedStatement(Statement statement, Action action) {

    public enum Action {
        /** Dry run: this statement would be considered. */
        PLANNED,
        /** The object was missing and has been created. */
        CREATED,
        /** The object exists exactly as the files define it; nothing was run. */
        UNCHANGED,
        /** The object was defined differently and held no data; it was dropped and created again (--recreate). */
        RECREATED,
        /**
         * The view was defined differently and changed in place, without a gap (--recreate): a materialized view's
         * new query through ALTER TABLE ... MODIFY QUERY, a view through CREATE OR REPLACE VIEW.
         */
        ALTERED,
        /** A missing materialized view left to the backfill that follows (apply --backfill). */
        DEFERRED,
        /** A copy pipe's statement: apply never runs it ('mvlab copy' does). */
        NOT_RUN,
        /**
         * An endpoint whose output names a column twice: a view cannot hold that, so the endpoint stays a query (as
         * in Tinybird, where endpoint calls run it; check ran it); no view is created.
         */
        KEPT_AS_QUERY
    }
}
