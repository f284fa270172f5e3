package dev.mvlab.clickhouse;

import java.util.List;

/** Receives a query's rows one at a time from {@link Database#stream}. */
public interface RowSink {
    /** Called once, before the first row, with the column names and ClickHouse types. */
    void start(List<String> columns, List<String> types);

    /** Called for each row, in the order the server sends them; nulls are SQL NULLs. */
    void row(List<Object> values);
}
