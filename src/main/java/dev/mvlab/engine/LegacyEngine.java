package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.EngineLayout;
import dev.mvlab.engine.host.HostProcesses;

import dev.mvlab.errors.EngineException;
import dev.mvlab.files.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An engine an older mvlab kept in a project's {@code .mvlab/engine/}: on the first start of the user's engine its
 * data moves to the user's engine folder (when that has none yet), and a note says where it went.
 */
final class LegacyEngine {
    static final String NOTE = "MOVED.txt";

    private LegacyEngine() {
    }

    static void migrate(Path legacyStateDir, EngineLayout layout) {
        Path legacyData = legacyStateDir.resolve("data");
        if (legacyStateDir.toAbsolutePath().normalize().equals(layout.stateDir()) || !Files.isDirectory(legacyData)
                || Files.exists(layout.dataDir())) {
            return;
        }
        stopOldEngine(legacyStateDir);
        try {
            Files.createDirectories(layout.stateDir());
            try {
                Files.move(legacyData, layout.dataDir());
            } catch (IOException acrossFileSystems) {
                copyTree(legacyData, layout.dataDir());
                FileTrees.deleteQuietly(legacyData);
            }
            Files.writeString(legacyStateDir.resolve(NOTE), "The data of this engine moved to " + layout.dataDir()
                    + " on " + Instant.now() + " (mvlab now runs one engine per user; see README, 'The engine').\n");
        } catch (IOException e) {
            throw new EngineException("cannot move the old engine data from " + legacyData + " to "
                    + layout.dataDir() + ": " + e.getMessage(), "move it yourself, or set MVLAB_HOME elsewhere");
        }
    }

    /** An old engine still running on that data is stopped first (its state file names an old EngineHost). */
    private static void stopOldEngine(Path legacyStateDir) {
        Path state = legacyStateDir.resolve("engine.json");
        try {
            if (!Files.isRegularFile(state)) {
                return;
            }
            String text = Files.readString(state);
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            long pid = node.path("pid").asLong(0);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid)
                    .filter(p -> HostProcesses.isChdbOf(p, legacyStateDir.resolve("data")));
            if (handle.isPresent()) {
                try { // the old engine stops cleanly when its keep-alive query ends (it had no door)
                    Http.query(Endpoint.loopback(node.path("httpPort").asInt()), HostProcesses.STOP_QUERY);
                } catch (IOException notAnswering) {
                    handle.get().destroy();
                }
                if (!EmbeddedEngine.waitForExit(handle.get(), Duration.ofSeconds(30))) {
                    handle.get().destroyForcibly();
                    EmbeddedEngine.waitForExit(handle.get(), Duration.ofSeconds(5));
                }
            }
            Files.deleteIfExists(state);
        } catch (IOException | RuntimeException e) {
            // a torn state file: nothing runs from it
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
