package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineInstallerTest {

    @Test
    void aCorruptedTarballIsRefusedAndNothingIsInstalled(@TempDir Path cache) throws IOException {
        EngineInstaller installer = new EngineInstaller(cache);
        Path work = Files.createDirectories(cache.resolve("work"));
        Path tarball = work.resolve("chdb-lib-linux-x64-gnu-26.7.3-stable.1.tgz");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(tarball, bytes);

        assertThatThrownBy(() -> installer.installFromTarball(tarball, work))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("checksum mismatch for the downloaded package chdb-lib-linux-x64-gnu-26.7.3-stable.1.tgz")
                .hasMessageContaining("expected sha256 " + EngineInstaller.TARBALL_SHA256)
                .hasMessageContaining("got " + EngineInstaller.sha256(tarball))
                .hasMessageContaining("nothing was installed");
        assertThat(installer.isInstalled()).isFalse();
        assertThat(cache.resolve(EngineInstaller.ENGINE_VERSION)).doesNotExist();
    }

    @Test
    void aLibraryWithTheWrongChecksumIsRefused(@TempDir Path dir) throws IOException {
        Path library = dir.resolve("libchdb.so");
        Files.writeString(library, "not the library");
        assertThatThrownBy(() -> EngineInstaller.verify(library, EngineInstaller.LIBRARY_SHA256, "libchdb.so"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("checksum mismatch for libchdb.so: expected sha256 "
                        + EngineInstaller.LIBRARY_SHA256);
    }

    @Test
    void theInstalledLibraryMatchesThePinnedChecksum() {
        EngineInstaller installer = new EngineInstaller(
                EngineSettings.resolve(Path.of("."), java.util.Map.of(), System.getenv()).cacheDir());
        Path library = installer.ensureInstalled();
        assertThat(installer.isInstalled()).isTrue();
        assertThat(EngineInstaller.sha256(library)).isEqualTo(EngineInstaller.LIBRARY_SHA256);
    }
}
