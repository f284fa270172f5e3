/**
 * The workshop's e-store event stream ({@link dev.mvlab.generate.EventGenerator}, a plain iterator of events) and
 * where it goes: NDJSON, or a landing data source through its JSONPaths ({@link dev.mvlab.generate.LandingIngest}:
 * batches, parallel inserts, retries with deduplication tokens, checkpoints for {@code --resume}) and the products
 * dimension.
 */
package dev.mvlab.generate;
