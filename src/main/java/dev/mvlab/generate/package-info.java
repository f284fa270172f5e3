/**
 * The workshop's e-store event stream ({@link dev.mvlab.generate.EventGenerator}, a plain iterator of events) and
 * where it goes: NDJSON, or a landing data source through its JSONPaths ({@link dev.mvlab.generate.LandingIngest}:
 * batches, parallel senders, a deduplication token per batch, checkpoints for {@code --resume}) and the products
 * dimension. The batches travel through {@code dev.mvlab.clickhouse.HttpInserter}.
 */
package dev.mvlab.generate;
