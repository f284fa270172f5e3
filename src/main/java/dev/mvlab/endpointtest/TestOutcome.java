package dev.mvlab.endpointtest;

import java.util.List;

/**
 * The run of one test: the endpoint's answer (status, and the rows as NDJSON or the error message), whether it is
 * what the test expects, and if not, a short account of the difference.
 *
 * @param actualResult the answer in the test file's terms: NDJSON rows for a 2xx, the error message otherwise
 */
public record TestOutcome(EndpointTest test, int actualStatus, String actualResult, boolean passed,
                          List<String> differences) {
}
