package dev.mvlab.clickhouse;

/**
 * One column of a table as the server describes it.
 *
 * @param defaultKind       DEFAULT, MATERIALIZED, ALIAS, EPHEMERAL or empty
 * @param compressionCodec  the column's CODEC(...) or empty
 */
public record ColumnEntry(String table, String name, String type, String defaultKind, String defaultExpression,
                          String compressionCodec, boolean inSortingKey) {
}
