package dev.mvlab.render;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.LineageText;
import dev.mvlab.graph.ProjectGraph;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of rendering: each {@code golden/<case>/input/} project is loaded and rendered; the statements (one
 * numbered file each, as {@code mvlab render --out} writes them), the drop script and the lineage must equal
 * {@code golden/<case>/expected/}. A case whose input fails pins the error text in {@code expected/error.txt}. The case
 * {@code repo} has no input folder: it renders the repository's own workshop project ({@code datasources/},
 * {@code pipes/}). Run with {@code -Dmvlab.golden.update=true} to rewrite the expected files, then review the diff.
 */
class GoldenRenderTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static final Path CASES = ROOT.resolve("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("mvlab.golden.update");

    @TestFactory
    Stream<DynamicTest> everyCaseRendersItsExpectedFiles() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CASES)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).extracting(p -> p.getFileName().toString()).contains("repo");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path dir) throws IOException {
        Path input = Files.isDirectory(dir.resolve("input")) ? dir.resolve("input") : ROOT;
        Map<String, String> actual = render(input);
        Path expectedDir = dir.resolve("expected");
        if (UPDATE) {
            deleteTree(expectedDir);
            Files.createDirectories(expectedDir);
            for (Map.Entry<String, String> file : actual.entrySet()) {
                Files.writeString(expectedDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(expectedDir).as("expected files (create them with -Dmvlab.golden.update=true)").isDirectory();
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(expectedDir)) {
            for (Path file : files.toList()) {
                expected.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertThat(actual.keySet()).as("files of %s", dir.getFileName()).containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        for (Map.Entry<String, String> file : actual.entrySet()) {
            assertThat(file.getValue()).as("%s/%s", dir.getFileName(), file.getKey())
                    .isEqualTo(expected.get(file.getKey()));
        }
    }

    /** The files a project renders to, or error.txt when it fails. */
    static Map<String, String> render(Path project) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(project));
            SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
            files.putAll(PlanFiles.of(renderer.applyPlan(graph)));
            files.put("drop.sql", renderer.dropPlan(graph).script());
            files.put("lineage.txt", LineageText.of(graph));
        } catch (MvlabException e) {
            files.put("error.txt", e.getMessage() + (e.hint() == null ? "" : "\nhint: " + e.hint()) + "\n");
        }
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
