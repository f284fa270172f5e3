package dev.mvlab.render;

/** What a rendered statement does; each kind has its own template in {@code sql-templates/}. */
public enum StatementKind {
    CREATE_TABLE("create_table.ftl"),
    /** A data source's Distributed table over its local tables on every shard (cluster targets only). */
    CREATE_DISTRIBUTED_TABLE("create_distributed_table.ftl"),
    /** A target table defined inline by a materialized pipe: its columns come from the pipe's query. */
    CREATE_TABLE_AS_SELECT("create_table_as_select.ftl"),
    CREATE_MATERIALIZED_VIEW("create_materialized_view.ftl"),
    CREATE_VIEW("create_view.ftl"),
    /** A copy pipe's {@code INSERT INTO ... SELECT}; run on demand, never by apply. */
    COPY("copy.ftl"),
    /** Empties a copy pipe's target before a copy in {@code COPY_MODE replace}. */
    TRUNCATE_TABLE("truncate_table.ftl"),
    DROP_TABLE("drop_table.ftl"),
    DROP_VIEW("drop_view.ftl");

    private final String template;

    StatementKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** True for statements that create an object (what apply runs). */
    public boolean creates() {
        return this == CREATE_TABLE || this == CREATE_DISTRIBUTED_TABLE || this == CREATE_TABLE_AS_SELECT || this == CREATE_MATERIALIZED_VIEW
                || this == CREATE_VIEW;
    }

    /** True for the statements of a copy pipe, which apply does not run. */
    public boolean copies() {
        return this == COPY || this == TRUNCATE_TABLE;
    }
}
