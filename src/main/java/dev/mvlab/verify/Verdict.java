package dev.mvlab.verify;

/** What a check found: the materialized view answers like the raw data, or it drifted. */
public enum Verdict {
    MATCH, DRIFT
}
