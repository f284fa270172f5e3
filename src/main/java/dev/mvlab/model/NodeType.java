package dev.mvlab.model;

/** What a pipe node does with its result. A pipe has at most one node of a type other than STANDARD. */
public enum NodeType {
    /** An intermediate node, referenced by later nodes by name. */
    STANDARD,
    /** Writes every insert into its source to DATASOURCE: a ClickHouse materialized view {@code TO} a table. */
    MATERIALIZED,
    /** Published as an API endpoint; rendered as a ClickHouse view. */
    ENDPOINT,
    /** Runs on demand or on COPY_SCHEDULE: {@code INSERT INTO target SELECT ...}. */
    COPY,
    /** Exports its result to an external system (TYPE sink); mvlab checks its query and runs no export. */
    SINK
}
