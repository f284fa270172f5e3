package dev.mvlab.serve;

/** What a token may do: everything, read a pipe or data source, or append to a data source. */
public enum TokenScope {
    ADMIN, READ, APPEND
}
