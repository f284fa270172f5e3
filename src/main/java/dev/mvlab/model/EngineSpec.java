package dev.mvlab.model;

import java.util.List;

/**
 * The table engine of a data source, from its {@code ENGINE*} instructions. Values are SQL expressions as written;
 * absent ones are null (or empty for lists).
 *
 * @param engine          the engine, as the parser validated it
 * @param sortingKey      ENGINE_SORTING_KEY
 * @param partitionKey    ENGINE_PARTITION_KEY
 * @param primaryKey      ENGINE_PRIMARY_KEY
 * @param ttl             ENGINE_TTL
 * @param ver             ENGINE_VER (ReplacingMergeTree)
 * @param isDeleted       ENGINE_IS_DELETED (ReplacingMergeTree)
 * @param sign            ENGINE_SIGN (Collapsing engines)
 * @param version         ENGINE_VERSION (VersionedCollapsingMergeTree)
 * @param summingColumns  ENGINE_SUMMING_COLUMNS (SummingMergeTree)
 * @param settings        ENGINE_SETTINGS, e.g. {@code index_granularity = 8192}
 * @param samplingKey     ENGINE_SAMPLING_KEY (SAMPLE BY)
 * @param join            the Join engine's ENGINE_JOIN_STRICTNESS, ENGINE_JOIN_TYPE and ENGINE_KEY_COLUMNS, else null
 */
public record EngineSpec(TableEngine engine, String sortingKey, String partitionKey, String primaryKey, String ttl,
                         String ver, String isDeleted, String sign, String version, List<String> summingColumns,
                         String settings, SourceLocation location, String samplingKey, JoinSpec join) {

    /** An engine without a sampling key and not a Join engine. */
    public EngineSpec(TableEngine engine, String sortingKey, String partitionKey, String primaryKey, String ttl,
                      String ver, String isDeleted, String sign, String version, List<String> summingColumns,
                      String settings, SourceLocation location) {
        this(engine, sortingKey, partitionKey, primaryKey, ttl, ver, isDeleted, sign, version, summingColumns,
                settings, location, null, null);
    }

    /** The arguments of {@code ENGINE = Join(strictness, type, keys...)}. */
    public record JoinSpec(String strictness, String type, List<String> keyColumns) {
    }
}
