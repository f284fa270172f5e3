package dev.mvlab.engine.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mvlab run with a relative class path ({@code java -jar target/mvlab.jar ...}) starts its engine: the supervisor
 * and chDB's JVM start in other working directories, so they get the class path made absolute.
 */
class RelativeClassPathTest {

    @Test
    void everyEntryBecomesAbsoluteAndEmptyEntriesGo() {
        Path here = Path.of("").toAbsolutePath();
        assertThat(HostProcesses.absoluteClassPath("target/classes" + File.pathSeparator + File.pathSeparator
                + "/opt/lib/a.jar" + File.pathSeparator + "./lib/../b.jar"))
                .isEqualTo(here.resolve("target/classes") + File.pathSeparator + "/opt/lib/a.jar"
                        + File.pathSeparator + here.resolve("b.jar"));
    }

    @Test
    @Timeout(180)
    void anEngineStartedFromARelativeClassPathAnswersAndStops(@TempDir Path home) throws Exception {
        Path here = Path.of("").toAbsolutePath();
        String relative = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().startsWith(here)
                        ? here.relativize(Path.of(e).toAbsolutePath()).toString() : e)
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(relative).as("the test needs a relative entry").contains("target" + File.separator + "classes");
        assertThat(run(home, relative, "engine", "start")).isZero();
        try {
            assertThat(run(home, relative, "sql", "SELECT 40 + 2")).isZero();
            assertThat(Files.readString(home.resolve("out.log"))).contains("42");
        } finally {
            assertThat(run(home, relative, "engine", "stop")).isZero();
        }
    }

    private static int run(Path home, String classPath, String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "dev.mvlab.cli.Main"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("out.log").toFile());
        builder.environment().put("MVLAB_HOME", home.toString());
        builder.environment().put("MVLAB_HTTP_PORT", "0");
        builder.environment().put("MVLAB_TCP_PORT", "0");
        Process process = builder.start();
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
