package dev.mvlab.engine;

import java.nio.file.Path;

/** The files of one engine folder ({@code <home>/engine}). */
record EngineLayout(Path stateDir) {
    EngineLayout {
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return stateDir.resolve("data");
    }

    Path stateFile() {
        return stateDir.resolve("engine.json");
    }

    Path logFile() {
        return stateDir.resolve("engine.log");
    }

    /** JVM crash logs of the engine's processes (never the project folder). */
    Path crashLogDir() {
        return stateDir.resolve("logs");
    }

    /** chDB's config with its secrets, its ports file and the relay's spool: mode 0700. */
    Path privateDir() {
        return stateDir.resolve("private");
    }

    Path lockFile() {
        return stateDir.resolve("lock");
    }

    /** Held by the running engine host for its whole life: one host (one chDB) per data folder. */
    Path hostLockFile() {
        return stateDir.resolve("host.lock");
    }

    Path projectsFile() {
        return stateDir.resolve("projects.tsv");
    }
}
