package dev.mvlab.serve;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.model.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 10: {@code tokens.json} is mode 0600 in a 0700 folder, also when it was left looser. */
class TokenStoreFileTest {
    private final Project project = ProjectLoader.load(ServeFixture.RESOURCES.resolve("door"));

    @Test
    void aNewTokenFileIsPrivate() throws IOException {
        Path dir = Files.createTempDirectory("mvlab-tokens").resolve(".mvlab").resolve("serve");
        Path file = dir.resolve("tokens.json");
        TokenStore.load(project, file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("admin token").contains("dashboard");
    }

    @Test
    void looserModesAreTightenedOnStartAndTheTokensKept() throws IOException {
        Path dir = Files.createTempDirectory("mvlab-tokens").resolve("serve");
        Files.createDirectories(dir);
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"admin token\": \"p.kept\", \"dashboard\": \"p.dash\", \"tracker\": \"p.track\", "
                + "\"viewer\": \"p.view\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TokenStore tokens = TokenStore.load(project, file);
        assertThat(tokens.admin().value()).isEqualTo("p.kept");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
