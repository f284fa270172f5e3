package dev.mvlab.model;

/**
 * What a warning is about. The lint kinds flag project constructs that are legal but almost certainly a mistake;
 * their codes are stable, so lessons and tools can name them.
 */
public enum WarningKind {
    /** A datafile detail mvlab reads differently or ignores (an unused instruction, mixed indentation, ...). */
    DATAFILE("datafile", false),
    /** Something of the project mvlab does not run (connectors, sinks, tests); named so nothing is skipped silently. */
    SKIPPED("skipped", false),
    /** A pipe whose name says it feeds a data source (e.g. {@code feed_x_mv}) has no TYPE materialized. */
    MV_WITHOUT_TYPE("mv-without-type", true),
    /** Two materialized views write one target with different column sets. */
    MV_COLUMN_SETS_DIFFER("mv-column-sets-differ", true),
    /** A materialized view selects a column its target lacks: ClickHouse drops it silently. */
    MV_COLUMN_DROPPED("mv-column-dropped", true),
    /** A materialized view misses a column of its target: ClickHouse fills it with the default silently. */
    MV_COLUMN_DEFAULTED("mv-column-defaulted", true),
    /**
     * An endpoint's output names a column twice: a query (what Tinybird runs) returns both, a view cannot hold
     * them, so mvlab keeps that endpoint as a query and creates no view for it.
     */
    ENDPOINT_DUPLICATE_COLUMNS("endpoint-duplicate-columns", true),
    /**
     * An endpoint's final ORDER BY names an output column holding an aggregate state: ClickHouse 24 and older accepted
     * it without really sorting by it, newer ones refuse it, so mvlab leaves that key out.
     */
    ORDER_BY_AGGREGATE_STATE("order-by-aggregate-state", true);

    private final String code;
    private final boolean lint;

    WarningKind(String code, boolean lint) {
        this.code = code;
        this.lint = lint;
    }

    public String code() {
        return code;
    }

    /** True for the kinds that flag a probable mistake of the project (lint), false for reading notes. */
    public boolean lint() {
        return lint;
    }
}
