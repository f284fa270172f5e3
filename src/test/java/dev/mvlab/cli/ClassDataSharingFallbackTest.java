package dev.mvlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ./mvlab launcher passes its class data sharing archive with {@code -Xshare:auto}: an archive that is broken,
 * missing or made by another JDK must leave the command working as without it, silently.
 */
class ClassDataSharingFallbackTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenArchiveIsIgnoredAndTheCommandStillRuns() throws Exception {
        byte[] junk = new byte[8192];
        new Random(7).nextBytes(junk);
        Path broken = Files.write(dir.resolve("mvlab-broken.jsa"), junk);
        assertRunsSilently(broken);
    }

    @Test
    void aMissingOrEmptyArchiveIsIgnoredAndTheCommandStillRuns() throws Exception {
        assertRunsSilently(dir.resolve("absent.jsa"));
        assertRunsSilently(Files.createFile(dir.resolve("empty.jsa")));
    }

    private static void assertRunsSilently(Path archive) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m",
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--version")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output.strip()).startsWith("mvlab ").doesNotContainIgnoringCase("error");
    }
}
