/**
 * The client side of a ClickHouse server, whichever process runs it: the {@link dev.mvlab.clickhouse.Endpoint}
 * (URL, user, password, timeouts), {@link dev.mvlab.clickhouse.Database} over pooled JDBC with its
 * {@link dev.mvlab.clickhouse.QueryResult}, {@link dev.mvlab.clickhouse.RowSink} and
 * {@link dev.mvlab.clickhouse.QueryStats}, the one HTTP channel for queries and inserts
 * ({@link dev.mvlab.clickhouse.HttpQueries}) with its batch sender ({@link dev.mvlab.clickhouse.HttpInserter}:
 * deduplication tokens, retries within a {@link dev.mvlab.clickhouse.RetryPolicy},
 * {@link dev.mvlab.clickhouse.Compression}), the plain {@link dev.mvlab.clickhouse.Http} calls of the
 * engine lifecycle (ping, one query), database names ({@link dev.mvlab.clickhouse.DatabaseName}) and quoted
 * identifiers ({@link dev.mvlab.clickhouse.Identifiers}). It knows nothing of how the server was started
 * (that is {@code engine}).
 */
package dev.mvlab.clickhouse;
