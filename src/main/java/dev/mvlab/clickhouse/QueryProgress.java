package dev.mvlab.clickhouse;

/** How far a running statement has read: rows read and the server's estimate of rows to read. */
public record QueryProgress(long readRows, long totalRowsApprox) {
}
