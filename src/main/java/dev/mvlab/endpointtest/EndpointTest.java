package dev.mvlab.endpointtest;

import dev.mvlab.model.SourceLocation;

/**
 * One test of a Tinybird test file ({@code tests/PIPE.yaml}): an endpoint call with its query string and what it
 * should answer.
 *
 * @param parameters     the query string, e.g. {@code year_start=2000&year_end=2005} (empty: none)
 * @param expectedResult NDJSON, one row per line (for an error status: the error message); null when not written
 * @param expectedStatus the HTTP status; null when not written (then 200)
 * @param location       where the test's map starts
 * @param resultKey      where its {@code expected_result} key is, or null
 * @param statusKey      where its {@code expected_http_status} key is, or null
 * @param lastLine       the test's last line with content
 */
public record EndpointTest(String name, String description, String parameters, String expectedResult,
                           Integer expectedStatus, SourceLocation location, SourceLocation resultKey,
                           SourceLocation statusKey, int lastLine) {

    /** The status the test expects: 200 unless written. */
    public int status() {
        return expectedStatus == null ? 200 : expectedStatus;
    }
}
