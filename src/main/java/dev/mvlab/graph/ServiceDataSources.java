package dev.mvlab.graph;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.TableEngine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tinybird's service data sources ({@code tinybird.pipe_stats_rt}, ...) and every data source's quarantine table
 * ({@code <name>_quarantine}), with the columns Tinybird documents. Locally they are ordinary tables, created when a
 * pipe reads them, so such pipes check and run (empty until something fills them). A service data source's table is
 * named as it is read, {@code `tinybird.pipe_stats_rt`}.
 */
public final class ServiceDataSources {
    private static final Map<String, String> SERVICE = new LinkedHashMap<>();

    static {
        SERVICE.put("tinybird.datasources_ops_log", "timestamp DateTime, event_type LowCardinality(String), "
                + "datasource_id String, datasource_name String, result LowCardinality(String), elapsed_time Float32, "
                + "error Nullable(String), request_id String, import_id Nullable(String), job_id Nullable(String), "
                + "rows Nullable(UInt64), rows_quarantine Nullable(UInt64), blocks_ids Array(String), "
                + "Options.Names Array(String), Options.Values Array(String), read_rows UInt64, read_bytes UInt64, "
                + "written_rows UInt64, written_bytes UInt64, written_rows_quarantine UInt64, "
                + "written_bytes_quarantine UInt64, operation_id String, release String, resource_tags Array(String), "
                + "cpu_time Float32");
        SERVICE.put("tinybird.pipe_stats_rt", "start_datetime DateTime, pipe_id String, pipe_name String, "
                + "duration Float32, read_bytes UInt64, read_rows UInt64, result_rows UInt64, url Nullable(String), "
                + "error UInt8, request_id String, token String, token_name String, status_code Int32, method String, "
                + "parameters Map(String, String), release String, user_agent Nullable(String), "
                + "resource_tags Array(String), cpu_time Float32");
        SERVICE.put("tinybird.pipe_stats", "date Date, pipe_id String, pipe_name String, view_count UInt64, "
                + "error_count UInt64, avg_duration_state AggregateFunction(avg, Float32), "
                + "quantile_timing_state AggregateFunction(quantilesTiming(0.9, 0.95, 0.99), Float64), "
                + "read_bytes_sum UInt64, read_rows_sum UInt64, resource_tags Array(String)");
        SERVICE.put("tinybird.endpoint_errors", "start_datetime DateTime, request_id String, pipe_id String, "
                + "pipe_name String, params Nullable(String), url Nullable(String), status_code Nullable(Int32), "
                + "error Nullable(String), resource_tags Array(String)");
        SERVICE.put("tinybird.bi_stats_rt", "start_datetime DateTime, query String, query_normalized String, "
                + "error_code Int32, error String, duration UInt64, read_rows UInt64, read_bytes UInt64, "
                + "result_rows UInt64, result_bytes UInt64");
        SERVICE.put("tinybird.bi_stats", "date Date, database String, query_normalized String, view_count UInt64, "
                + "error_count UInt64, avg_duration_state AggregateFunction(avg, Float32), "
                + "quantile_timing_state AggregateFunction(quantilesTiming(0.9, 0.95, 0.99), Float64), "
                + "read_bytes_sum UInt64, read_rows_sum UInt64, avg_result_rows_state AggregateFunction(avg, Float32), "
                + "avg_result_bytes_state AggregateFunction(avg, Float32)");
        SERVICE.put("tinybird.block_log", "timestamp DateTime, request_id String, import_id String, job_id String, "
                + "source String, block_id String, status String, datasource_id String, datasource_name String, "
                + "start_offset Nullable(Int64), end_offset Nullable(Int64), rows Nullable(Int32), "
                + "parser Nullable(String), quarantine_lines Nullable(UInt32), empty_lines Nullable(UInt32), "
                + "bytes Nullable(UInt32), processing_time Nullable(Float32), processing_error Nullable(String)");
        SERVICE.put("tinybird.kafka_ops_log", "timestamp DateTime, datasource_id String, topic String, "
                + "partition Int16, msg_type String, lag Int64, processed_messages Int32, processed_bytes Int32, "
                + "committed_messages Int32, msg String");
        SERVICE.put("tinybird.datasources_storage", "timestamp DateTime, datasource_id String, "
                + "datasource_name String, bytes UInt64, rows UInt64, bytes_quarantine UInt64, rows_quarantine UInt64");
        SERVICE.put("tinybird.jobs_log", "job_id String, job_type String, workspace_id String, pipe_id String, "
                + "pipe_name String, created_at DateTime, updated_at DateTime, started_at DateTime, status String, "
                + "error Nullable(String), job_metadata String");
        SERVICE.put("tinybird.sinks_ops_log", "timestamp DateTime, service LowCardinality(String), "
                + "pipe_id String, pipe_name String, token_name String, result LowCardinality(String), "
                + "error Nullable(String), elapsed_time Float64, job_id Nullable(String), read_rows UInt64, "
                + "written_rows UInt64, read_bytes UInt64, written_bytes UInt64, output Array(String), "
                + "parameters Map(String, String), options Map(String, String), cpu_time Float64");
    }

    /** The service data sources mvlab knows, as they are read ({@code tinybird.name}). */
    public static final List<String> NAMES = List.copyOf(SERVICE.keySet());

    /** The suffix of a quarantine table's name. */
    public static final String QUARANTINE_SUFFIX = "_quarantine";

    private ServiceDataSources() {
    }

    /** The service data source read as {@code name}, if mvlab knows it; {@code at}: where it is first read. */
    public static Optional<DataSource> service(String name, SourceLocation at) {
        String columns = SERVICE.get(name);
        if (columns == null) {
            return Optional.empty();
        }
        List<Column> list = new ArrayList<>();
        for (String column : splitTopLevel(columns)) {
            int space = column.indexOf(' ');
            list.add(new Column(column.substring(0, space), column.substring(space + 1), null, null, null, null));
        }
        return Optional.of(table(name, "Tinybird service data source (empty locally)", list, "tuple()", at));
    }

    /**
     * The quarantine table of a data source, where Tinybird puts rows that do not fit its schema: the error columns
     * {@code c__error_column} and {@code c__error}, {@code c__import_id}, every column of the data source as
     * {@code Nullable(String)} (the value as it came), and {@code insertion_date}.
     */
    public static DataSource quarantine(DataSource datasource, SourceLocation at) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("c__error_column", "Array(String)", null, null, null, null));
        columns.add(new Column("c__error", "Array(String)", null, null, null, null));
        columns.add(new Column("c__import_id", "Nullable(String)", null, null, null, null));
        for (Column c : datasource.columns()) {
            columns.add(new Column(c.name(), "Nullable(String)", null, null, null, c.location()));
        }
        columns.add(new Column("insertion_date", "DateTime", null, "now()", null, null));
        return table(datasource.name() + QUARANTINE_SUFFIX, "quarantine of " + datasource.name()
                + ": rows that did not fit its schema", columns, "insertion_date", at);
    }

    private static DataSource table(String name, String description, List<Column> columns, String sortingKey,
                                    SourceLocation at) {
        EngineSpec engine = new EngineSpec(TableEngine.MERGE_TREE, sortingKey, null, null, null, null, null, null, null,
                List.of(), null, at);
        return new DataSource(name, description, List.copyOf(columns), engine, List.of(), List.of(), List.of(),
                List.of(), at);
    }

    private static List<String> splitTopLevel(String columns) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < columns.length(); i++) {
            char c = columns.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(columns.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(columns.substring(start).strip());
        return out;
    }
}
