package dev.mvlab.datafile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Golden tests of error texts: each {@code malformed/<case>.datasource|.pipe} is copied into a fresh project
 * (with the files of {@code malformed/_project/}) and loaded; the rendered error must equal {@code <case>.expected}.
 * Run with {@code -Dmvlab.golden.update=true} to rewrite the expected files, then review the diff.
 */
class MalformedDatafilesTest {
    private static final Path CASES = Path.of("src/test/resources/datafile/malformed");
    private static final boolean UPDATE = Boolean.getBoolean("mvlab.golden.update");

    @TestFactory
    Stream<DynamicTest> everyMalformedFileFailsWithItsExpectedMessage() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(CASES)) {
            cases = files.filter(f -> f.toString().endsWith(".datasource") || f.toString().endsWith(".pipe"))
                    .sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path caseFile) throws IOException {
        String file = caseFile.getFileName().toString();
        Path expectedFile = CASES.resolve(file.substring(0, file.lastIndexOf('.')) + ".expected");
        Path project = Files.createTempDirectory("mvlab-malformed");
        try {
            copyTree(CASES.resolve("_project"), project);
            Path folder = project.resolve(file.endsWith(".pipe") ? "pipes" : "datasources");
            Files.createDirectories(folder);
            Files.copy(caseFile, folder.resolve(file));
            DatafileException error = catchThrowableOfType(DatafileException.class, () -> ProjectLoader.load(project));
            assertThat(error).as("loading %s must fail", file).isNotNull();
            String actual = error.render() + "\n";
            if (UPDATE) {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            }
            assertThat(expectedFile).as("expected message of %s (create it with -Dmvlab.golden.update=true)", file)
                    .exists();
            assertThat(actual).isEqualTo(Files.readString(expectedFile));
            assertThat(error.exitCode().code()).isEqualTo(3);
        } finally {
            deleteTree(project);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
