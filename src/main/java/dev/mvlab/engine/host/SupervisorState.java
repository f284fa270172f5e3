package dev.mvlab.engine.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The embedded engine's state file ({@code engine.json}), written by the engine host itself as soon as its port is
 * bound (before chDB serves), and again after every restart of chDB.
 *
 * @param pid       the engine host (supervisor and relay)
 * @param chdbPid   the current chDB process, 0 while it starts
 * @param restarts  how often chDB died and was started again; {@code lastRestart} says why
 */
public record SupervisorState(long pid, int httpPort, Path stateDir, Instant startedAt, long chdbPid, int restarts,
                       String lastRestart) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<SupervisorState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new SupervisorState(node.get("pid").asLong(), node.get("httpPort").asInt(),
                    Path.of(node.get("stateDir").asText()), Instant.parse(node.get("startedAt").asText()),
                    node.path("chdbPid").asLong(0), node.path("restarts").asInt(0),
                    node.hasNonNull("lastRestart") ? node.get("lastRestart").asText() : null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn, older or foreign file is treated as stale
        }
    }

    void write(Path file) throws IOException {
        var node = JSON.createObjectNode();
        node.put("pid", pid).put("httpPort", httpPort).put("stateDir", stateDir.toString())
                .put("startedAt", startedAt.toString()).put("chdbPid", chdbPid).put("restarts", restarts)
                .put("lastRestart", lastRestart);
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    SupervisorState withChdb(long chdb, int restartCount, String reason) {
        return new SupervisorState(pid, httpPort, stateDir, startedAt, chdb, restartCount, reason);
    }

    /**
     * True when the pid is alive and is the engine host of THIS engine folder: its command line names the
     * supervisor class and this folder. A reused pid, or the live engine of another home or a copied folder, is not.
     */
    public boolean isEngineOf(EngineLayout layout) {
        return stateDir.equals(layout.stateDir())
                && ProcessHandle.of(pid).map(p -> HostProcesses.isSupervisorOf(p, layout.stateDir())).orElse(false);
    }
}
