/**
 * Starting, finding and stopping a ClickHouse (the embedded chDB engine behind its relay, a {@code clickhouse}
 * binary, Docker, an existing URL) and talking to it ({@link dev.mvlab.engine.Database} over JDBC,
 * {@link dev.mvlab.engine.HttpQueries} over HTTP, the {@link dev.mvlab.engine.Endpoint} with its credential).
 */
package dev.mvlab.engine;
