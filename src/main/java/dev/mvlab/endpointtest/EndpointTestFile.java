package dev.mvlab.endpointtest;

import java.nio.file.Path;
import java.util.List;

/**
 * A test file: the endpoint it tests (the file's name, as in Tinybird), its tests in order and its text as read
 * (kept for {@code --update}).
 */
public record EndpointTestFile(Path path, String endpoint, List<EndpointTest> tests, String text) {
}
