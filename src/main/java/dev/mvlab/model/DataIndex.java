package dev.mvlab.model;

/** A data-skipping index from {@code INDEXES >}: {@code name expr TYPE type GRANULARITY n}. */
public record DataIndex(String name, String expression, String type, int granularity, SourceLocation location) {
}
