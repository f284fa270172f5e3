package dev.mvlab.serve;

import java.util.List;

/**
 * What became of one request's or file's rows.
 *
 * @param committed true when the accepted rows are in the table (else they are queued)
 * @param errors    the first reasons rows went to quarantine, as {@code line N: reason}
 */
public record IngestResult(String datasource, long successfulRows, long quarantinedRows, boolean committed,
                           List<String> errors) {
}
