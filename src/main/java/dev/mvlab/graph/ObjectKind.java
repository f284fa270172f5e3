package dev.mvlab.graph;

/** What a project object becomes in ClickHouse. */
public enum ObjectKind {
    /** A data source, or the target table a materialized pipe defines inline. */
    TABLE("table"),
    /** A materialized pipe: {@code CREATE MATERIALIZED VIEW ... TO target}. */
    MATERIALIZED_VIEW("materialized view"),
    /** An endpoint pipe: {@code CREATE VIEW}. */
    VIEW("view"),
    /** A copy pipe: {@code INSERT INTO target SELECT ...}, run on demand; creates nothing. */
    COPY("copy");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for objects that hold no data of their own and can be recreated without losing any. */
    public boolean derived() {
        return this == MATERIALIZED_VIEW || this == VIEW;
    }
}
