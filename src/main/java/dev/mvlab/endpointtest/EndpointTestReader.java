package dev.mvlab.endpointtest;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.errors.Suggestions;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.yaml.YamlErrors;
import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlReader;
import dev.mvlab.yaml.YamlScalar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Tinybird test files: a YAML list of tests, each a map of {@code name}, {@code description},
 * {@code parameters}, {@code expected_result} and {@code expected_http_status}; the file's name is the endpoint it
 * tests. Mistakes come back as {@code file:line:col: message} (exit 3). A file that is empty or holds only comments
 * has no tests, as in {@code tb test run}.
 */
public final class EndpointTestReader {
    /** The project folder that holds the test files. */
    public static final String FOLDER = "tests";
    static final List<String> FIELDS = List.of("name", "description", "parameters", "expected_result",
            "expected_http_status");

    private EndpointTestReader() {
    }

    /** The test files of a project's {@code tests/} folder, by name (none without the folder). */
    public static List<Path> projectFiles(Path projectRoot) {
        Path folder = projectRoot.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(EndpointTestReader::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, folder + ": cannot list: " + e.getMessage());
        }
    }

    /**
     * The file a command-line argument names: a path, or a test's name as {@code tb test run} takes it
     * ({@code get_sets} for {@code tests/get_sets.yaml}).
     */
    public static Path resolve(Path projectRoot, String argument) {
        Path path = Path.of(argument);
        if (Files.isRegularFile(path)) {
            return path;
        }
        for (String candidate : List.of(argument, argument + ".yaml", argument + ".yml")) {
            Path inTests = projectRoot.resolve(FOLDER).resolve(candidate);
            if (Files.isRegularFile(inTests)) {
                return inTests;
            }
        }
        List<String> known = projectFiles(projectRoot).stream().map(p -> p.getFileName().toString()).toList();
        throw new MvlabException(ExitCode.USAGE, "no such test file: " + argument,
                Suggestions.closest(Path.of(argument).getFileName().toString(), known)
                        .map(s -> "did you mean " + FOLDER + "/" + s + "?")
                        .orElse("test files are " + FOLDER + "/<endpoint>.yaml in the project folder"));
    }

    /** Reads one test file; its name must be one of {@code endpoints}, the project's endpoint names. */
    public static EndpointTestFile read(Path file, Collection<String> endpoints) {
        String fileName = file.getFileName().toString();
        String endpoint = fileName.replaceFirst("(?i)\\.ya?ml$", "");
        if (!endpoints.contains(endpoint)) {
            Optional<String> closest = Suggestions.closest(endpoint, endpoints);
            throw new MvlabException(ExitCode.DATAFILE, file + ":1:1: the test file is named after no endpoint of "
                    + "the project ('" + endpoint + "')", closest.map(c -> "did you mean " + c + ".yaml? a test "
                    + "file is named after the endpoint it calls").orElse("a test file is named after the endpoint it "
                    + "calls; endpoints: " + String.join(", ", endpoints.stream().sorted().toList())));
        }
        String text = text(file);
        if (text.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
            return new EndpointTestFile(file, endpoint, List.of(), text);
        }
        YamlNode root = YamlReader.parse(file, text);
        if (!(root instanceof YamlList list)) {
            throw YamlErrors.at(root.location(), "a test file is a list of tests, not " + root.describe(),
                    "start each test with '- name: ...'");
        }
        List<EndpointTest> tests = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            int nextStart = i + 1 < list.items().size() ? list.items().get(i + 1).location().line() : lines.size() + 1;
            tests.add(test(item, lastContentLine(lines, item.location().line(), nextStart)));
        }
        List<String> names = new ArrayList<>();
        for (EndpointTest test : tests) {
            if (names.contains(test.name())) {
                throw YamlErrors.at(test.location(), "a second test named '" + test.name() + "'",
                        "give each test of a file its own name");
            }
            names.add(test.name());
        }
        return new EndpointTestFile(file, endpoint, List.copyOf(tests), text);
    }

    private static EndpointTest test(YamlNode item, int lastLine) {
        if (!(item instanceof YamlMap map)) {
            throw YamlErrors.at(item.location(), "a test is a map (name, parameters, expected_result, ...), not "
                    + item.describe(), "write '- name: my_test' and the test's fields indented below it");
        }
        map.allowOnly(FIELDS, "a test");
        String name = map.text("name", "a test");
        String description = map.optionalText("description").orElse(null);
        String parameters = map.get("parameters").map(n -> scalar(n, "parameters")).orElse("");
        String expected = map.get("expected_result").map(n -> scalar(n, "expected_result")).orElse(null);
        Integer status = null;
        if (map.has("expected_http_status")) {
            YamlNode node = map.require("expected_http_status", "a test");
            if (!(node instanceof YamlScalar s) || s.kind() != YamlScalar.Kind.INTEGER
                    || Long.parseLong(s.text()) < 100 || Long.parseLong(s.text()) > 599) {
                throw YamlErrors.at(node.location(), "expected_http_status must be an HTTP status (100-599), not "
                        + node.describe(), "e.g. expected_http_status: 200");
            }
            status = Integer.parseInt(s.text());
        }
        SourceLocation resultKey = map.has("expected_result") ? map.keyLocation("expected_result") : null;
        SourceLocation statusKey = map.has("expected_http_status") ? map.keyLocation("expected_http_status") : null;
        return new EndpointTest(name, description, parameters, expected, status, map.location(), resultKey, statusKey,
                lastLine);
    }

    private static String scalar(YamlNode node, String key) {
        if (node instanceof YamlScalar s) {
            return s.isNull() ? "" : s.text();
        }
        throw YamlErrors.at(node.location(), "'" + key + "' must be a text, not " + node.describe(),
                "expected_result: | and one JSON row per line below it");
    }

    /** The last line before {@code nextStart} (1-based) that is neither blank nor a comment. */
    private static int lastContentLine(List<String> lines, int from, int nextStart) {
        int last = from;
        for (int line = from; line < nextStart && line <= lines.size(); line++) {
            String text = lines.get(line - 1).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                last = line;
            }
        }
        return last;
    }

    private static String text(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > YamlReader.MAX_BYTES) {
                throw new MvlabException(ExitCode.DATAFILE, file + ": not a regular file of at most 1 MiB",
                        "a test file is a small YAML file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": cannot read: " + e.getMessage());
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
