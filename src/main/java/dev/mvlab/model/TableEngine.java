package dev.mvlab.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The table engines a data source may name (any case in a datafile). The parser accepts only these, and what
 * renders a table trusts it: there is no other list of engines.
 */
public enum TableEngine {
    MERGE_TREE("MergeTree"),
    REPLACING_MERGE_TREE("ReplacingMergeTree"),
    SUMMING_MERGE_TREE("SummingMergeTree"),
    AGGREGATING_MERGE_TREE("AggregatingMergeTree"),
    COLLAPSING_MERGE_TREE("CollapsingMergeTree"),
    VERSIONED_COLLAPSING_MERGE_TREE("VersionedCollapsingMergeTree"),
    /** Stores nothing: a table only materialized views read. Takes no keys. */
    NULL("Null"),
    /** ClickHouse's Join engine, with its strictness, type and key columns ({@link EngineSpec.JoinSpec}). */
    JOIN("Join");

    private final String sqlName;

    TableEngine(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name as ClickHouse writes it, e.g. {@code ReplacingMergeTree}. */
    public String sqlName() {
        return sqlName;
    }

    /** True for the MergeTree family: sorting, partition and primary keys, TTL, settings. */
    public boolean isMergeTree() {
        return this != NULL && this != JOIN;
    }

    /** The engine written {@code name}, in any case. */
    public static Optional<TableEngine> named(String name) {
        return Arrays.stream(values()).filter(e -> e.sqlName.equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
