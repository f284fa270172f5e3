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
    ORDER_BY_AGGREGATE_STATE("order-by-aggregate-state", true),
    /**
     * An AggregatingMergeTree column that is neither in the sorting key nor an aggregate state: merges keep an
     * arbitrary row's value in it. Tinybird's ClickHouse allowed it; 26.7 asks for
     * {@code allow_dimensions_outside_sorting_key}, which mvlab's Tinybird compatibility sets on that table.
     */
    AGGREGATING_COLUMN_OUTSIDE_KEY("aggregating-column-outside-key", true),
    /**
     * LowCardinality of a number or date: the dictionary costs more than it saves
     * ({@code allow_suspicious_low_cardinality_types}).
     */
    LOW_CARDINALITY_NUMBER("low-cardinality-number", true),
    /** GROUP BY in a query over Variant, Dynamic or JSON columns ({@code allow_suspicious_types_in_group_by}). */
    GROUP_BY_DYNAMIC("group-by-dynamic", true),
    /** A table function or subquery joined without an alias ({@code joined_subquery_requires_alias}). */
    JOIN_WITHOUT_ALIAS("join-without-alias", true);

    private final String code;
    private final boolean lint;

    WarningKind(String code, boolean lint) {
        this.code = code;
        this.lint = lint;
    }

    public String code() {
        return code;
    }

    /**
     * True for what Tinybird's ClickHouse ran and ClickHouse 26.7 refuses unless a setting allows it: mvlab's Tinybird
     * compatibility adds that setting to the statement that needs it; {@code --strict} refuses the project instead.
     */
    public boolean compatibility() {
        return this == AGGREGATING_COLUMN_OUTSIDE_KEY || this == LOW_CARDINALITY_NUMBER || this == GROUP_BY_DYNAMIC
                || this == JOIN_WITHOUT_ALIAS;
    }

    /** True for the kinds that flag a probable mistake of the project (lint), false for reading notes. */
    public boolean lint() {
        return lint;
    }
}
