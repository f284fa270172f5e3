package dev.mvlab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of cluster a {@link ClusterTarget} is; it decides the layout of the DDL rendered for it. */
public enum ClusterKind {
    /**
     * A self-managed cluster with Keeper: {@code ON CLUSTER} on every statement, MergeTree engines as their
     * {@code Replicated*} forms, a local table and a Distributed table per data source.
     */
    REAL,
    /**
     * ClickHouse Cloud: one logical table per data source as on a single server (SharedMergeTree replicates it, DDL
     * reaches every replica by itself, and the {@code Distributed(...)} engine cannot be used there).
     */
    CLOUD,
    /**
     * mvlab's local chDB cluster: no Keeper, so no {@code ON CLUSTER} and plain engines; the same local +
     * Distributed layout as {@link #REAL}, and apply sends each statement to every node.
     */
    LOCAL;

    /** The kind written {@code text} (any case), if there is one. */
    public static Optional<ClusterKind> named(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    /** As it is written in settings: {@code real}, {@code cloud}, {@code local}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when each data source is a local table on every node plus a Distributed table in front of them. */
    public boolean splitsTables() {
        return this != CLOUD;
    }

    /** True when DDL goes once to one node with {@code ON CLUSTER} and Keeper spreads it. */
    public boolean onCluster() {
        return this == REAL;
    }

    /** True when MergeTree-family engines become their {@code Replicated*} forms. */
    public boolean replicated() {
        return this == REAL;
    }
}
