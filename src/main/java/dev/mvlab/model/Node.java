package dev.mvlab.model;

/**
 * One {@code NODE} of a pipe.
 *
 * @param sql              the SQL as written, de-indented (a template keeps its leading {@code %} line)
 * @param template         true when the SQL starts with {@code %} (a Tinybird template)
 * @param datasource       the target of a MATERIALIZED node (DATASOURCE), else null
 * @param targetDatasource the target of a COPY node (TARGET_DATASOURCE), else null
 * @param copyMode         a COPY node's COPY_MODE (append when not written), else null
 * @param targetEngine     ENGINE lines written inline after DATASOURCE: then the pipe defines the target table
 * @param sqlLocation      where the SQL's first line is, for error messages
 */
public record Node(String name, String description, String sql, boolean template, NodeType type, String datasource,
                   String targetDatasource, String copySchedule, CopyMode copyMode, EngineSpec targetEngine,
                   SourceLocation location, SourceLocation sqlLocation) {

    /** The data source this node writes, or null. */
    public String target() {
        return switch (type) {
            case MATERIALIZED -> datasource;
            case COPY -> targetDatasource;
            default -> null;
        };
    }
}
