package dev.mvlab.serve;

import java.util.Arrays;
import java.util.Optional;

/** The result formats of pipe endpoints, by file extension, with ClickHouse's name for each. */
public enum OutputFormat {
    JSON("json", "JSON", "application/json"),
    CSV("csv", "CSVWithNames", "text/csv; charset=utf-8"),
    NDJSON("ndjson", "JSONEachRow", "application/x-ndjson"),
    PARQUET("parquet", "Parquet", "application/octet-stream");

    private final String extension;
    private final String clickhouse;
    private final String contentType;

    OutputFormat(String extension, String clickhouse, String contentType) {
        this.extension = extension;
        this.clickhouse = clickhouse;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String clickhouse() {
        return clickhouse;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<OutputFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(extension)).findFirst();
    }
}
