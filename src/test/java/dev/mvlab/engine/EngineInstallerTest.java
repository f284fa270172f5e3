package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void eachInstallerTellsItsOwnListenerItsSteps(@TempDir Path cache) throws IOException {
        List<String> heard = new java.util.ArrayList<>();
        EngineInstaller listened = new EngineInstaller(cache.resolve("a"), heard::add);
        EngineInstaller silent = new EngineInstaller(cache.resolve("b"));
        Path work = Files.createDirectories(cache.resolve("work"));
        Path tarball = work.resolve("not-the-package.tgz");
        Files.writeString(tarball, "not the package");

        assertThatThrownBy(() -> silent.installFromTarball(tarball, work)).isInstanceOf(EngineException.class);
        assertThat(heard).as("another installer's steps").isEmpty();
        assertThatThrownBy(() -> listened.installFromTarball(tarball, work)).isInstanceOf(EngineException.class);
        assertThat(heard).as("the refused tarball is neither unpacked nor installed")
                .containsExactly("verifying the download (sha256)");
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

    /** A cache whose library has the right size but other bytes (as after a flipped byte), or is cut short. */
    private static EngineInstaller damagedCache(Path cache, long size) throws IOException {
        Path dir = Files.createDirectories(cache.resolve(EngineInstaller.ENGINE_VERSION));
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dir.resolve(EngineInstaller.LIBRARY).toFile(),
                "rw")) {
            file.setLength(size); // sparse: no disk used
        }
        Files.writeString(dir.resolve("VERIFIED"), EngineInstaller.PACKAGE + "@" + EngineInstaller.PACKAGE_VERSION
                + "\n" + EngineInstaller.LIBRARY_SHA256 + "\n" + size + " 1\n"); // its mtime changed since
        return new EngineInstaller(cache);
    }

    @Test
    void aLibraryWithOtherBytesIsFoundAtStartWithAClearMessage(@TempDir Path cache) throws IOException {
        EngineInstaller installer = damagedCache(cache, EngineInstaller.LIBRARY_SIZE);
        assertThat(installer.isInstalled()).isTrue();
        assertThatThrownBy(installer::ensureInstalled).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("the installed engine library " + installer.libraryPath() + " is damaged: "
                        + "its sha256 is ")
                .satisfies(e -> assertThat(((EngineException) e).hint())
                        .isEqualTo("install it again: mvlab engine install --force"));
    }

    @Test
    void aTruncatedLibraryIsFoundByItsSizeAlone(@TempDir Path cache) throws IOException {
        EngineInstaller installer = damagedCache(cache, 1_000_000);
        assertThatThrownBy(installer::ensureInstalled).isInstanceOf(EngineException.class)
                .hasMessageEndingWith("is damaged: its size is 1000000 bytes, expected "
                        + EngineInstaller.LIBRARY_SIZE);
    }

    @Test
    void anIntactLibraryIsHashedOnceThenCheckedBySizeAndTime() throws IOException {
        EngineInstaller installer = new EngineInstaller(
                EngineSettings.resolve(Path.of("."), java.util.Map.of(), System.getenv()).cacheDir());
        installer.ensureInstalled();
        List<String> lines = Files.readAllLines(installer.libraryPath().resolveSibling("VERIFIED"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).isEqualTo(Files.size(installer.libraryPath()) + " "
                + Files.getLastModifiedTime(installer.libraryPath()).toMillis());
    }
}
