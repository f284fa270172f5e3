package dev.mvlab.engine.host;

import java.nio.file.Path;

/** The local cluster's files inside the engine folder: {@code <engine>/cluster/}, one folder per node. */
public record LocalClusterLayout(Path engineDir) {
    public LocalClusterLayout {
        engineDir = engineDir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return engineDir.resolve("cluster");
    }

    public Path stateFile() {
        return dir().resolve("cluster.json");
    }

    /** The supervisor's log; each node logs to its own folder's {@code engine.log}. */
    public Path logFile() {
        return dir().resolve("cluster.log");
    }

    public Path lockFile() {
        return dir().resolve("lock");
    }

    Path hostLockFile() {
        return dir().resolve("host.lock");
    }

    /** A node's own engine folder (data, private config, log). */
    public EngineLayout node(String name) {
        return new EngineLayout(dir().resolve(name));
    }

    /** Present while the node is killed on purpose: the supervisor does not start it again. */
    public Path killedMarker(String name) {
        return dir().resolve(name).resolve("killed");
    }
}
