/**
 * Starting, finding and stopping a ClickHouse: the embedded chDB engine behind its relay, a {@code clickhouse}
 * binary, Docker, an existing URL ({@link dev.mvlab.engine.Engines}), with status, project notes and the installer
 * of libchdb.so. The embedded engine's processes themselves (supervisor, relay, chDB's JVM) are
 * {@code dev.mvlab.engine.host}, started and recognised through its {@code HostProcesses}. Talking to a running
 * server is {@code dev.mvlab.clickhouse}'s part: this package hands out its {@link dev.mvlab.clickhouse.Endpoint}.
 */
package dev.mvlab.engine;
