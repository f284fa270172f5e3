package dev.mvlab.engine.host;

import java.nio.file.Path;

/** The files of one engine folder ({@code <home>/engine}). */
public record EngineLayout(Path stateDir) {
    public EngineLayout {
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    public Path dataDir() {
        return stateDir.resolve("data");
    }

    public Path stateFile() {
        return stateDir.resolve("engine.json");
    }

    public Path logFile() {
        return stateDir.resolve("engine.log");
    }

    /** JVM crash logs of the engine's processes (never the project folder). */
    public Path crashLogDir() {
        return stateDir.resolve("logs");
    }

    /** chDB's config with its secrets, its ports file and the relay's spool: mode 0700. */
    public Path privateDir() {
        return stateDir.resolve("private");
    }

    public Path lockFile() {
        return stateDir.resolve("lock");
    }

    /** Held by the running engine host for its whole life: one host (one chDB) per data folder. */
    public Path hostLockFile() {
        return stateDir.resolve("host.lock");
    }

    public Path projectsFile() {
        return stateDir.resolve("projects.tsv");
    }
}
