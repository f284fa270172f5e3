/**
 * Checks of a materialized view: one question asked of what the view wrote and of the raw data, compared on the
 * server ({@link dev.mvlab.verify.Verifier}), giving MATCH or DRIFT with counts and examples. Check files are read by
 * {@link dev.mvlab.verify.CheckFileReader}.
 */
package dev.mvlab.verify;
