package dev.mvlab.engine;

import dev.mvlab.engine.host.EngineLayout;
import dev.mvlab.engine.host.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Which engine folder serves which port, for this OS user only: one file per port under the user's engine cache
 * ({@code <cache>/running/<port>}, folder mode 0700), written by {@link EmbeddedEngine#start()}. An mvlab command
 * given only the URL of an engine of the user finds its folder (and mvlab's own key there) without asking the engine,
 * which tells its folder to credential holders only. An entry is trusted only when that folder's state file still
 * names a live engine on that port.
 */
record RunningEngines(Path dir) {
    static RunningEngines in(EngineSettings settings) {
        return new RunningEngines(settings.cacheDir().resolve("running"));
    }

    void note(int port, Path stateDir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            PrivateFiles.write(dir.resolve(Integer.toString(port)), stateDir.toAbsolutePath() + "\n");
        } catch (IOException | RuntimeException e) {
            // only the discovery by URL is lost: such a command then needs the password
        }
    }

    Optional<EngineLayout> folderOf(int port) {
        try {
            Path entry = dir.resolve(Integer.toString(port));
            if (!Files.isRegularFile(entry)) {
                return Optional.empty();
            }
            return Optional.of(new EngineLayout(Path.of(Files.readString(entry).strip())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
