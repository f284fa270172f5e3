/**
 * Backfilling a materialized view while its source keeps receiving rows, with the cut-off method of lesson 2: the
 * view is created with a cut-off in event time, and once the stream has passed it, the view's own query runs over
 * the rows before it. Every row lands on exactly one side. In a lesson, where nothing else writes,
 * {@link dev.mvlab.backfill.PartSnapshotBackfill} notes the source's parts before the view exists instead.
 */
package dev.mvlab.backfill;
