/**
 * Starting, finding and stopping a ClickHouse: the embedded chDB engine behind its relay, a {@code clickhouse}
 * binary, Docker, an existing URL ({@link dev.mvlab.engine.Engines}), with its state folder, status, credential and
 * grants. Talking to a running server is {@code dev.mvlab.clickhouse}'s part: this package hands out its
 * {@link dev.mvlab.clickhouse.Endpoint}.
 */
package dev.mvlab.engine;
