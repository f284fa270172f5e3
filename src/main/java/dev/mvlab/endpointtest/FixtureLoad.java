package dev.mvlab.endpointtest;

import java.nio.file.Path;
import java.util.List;

/** One fixture file loaded into its data source: rows taken, rows quarantined and the first reasons. */
public record FixtureLoad(Path file, String datasource, long rows, long quarantined, List<String> errors) {
}
