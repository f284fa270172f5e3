/**
 * The benchmarks, each against its baseline side by side in one run: {@link dev.mvlab.bench.IngestBenchmark} (the
 * generator's ingest end to end against the server doing the same work alone) and
 * {@link dev.mvlab.bench.ServeBenchmark} (the local Tinybird API against direct ingest and the same SQL sent straight
 * to ClickHouse), with the load client they share ({@link dev.mvlab.bench.LoadClients}) and the CPU clocks of the
 * processes involved ({@link dev.mvlab.bench.CpuClock}). It may import generate, serve and deploy; only {@code cli}
 * imports it. Results are records; nothing here prints.
 */
package dev.mvlab.bench;
