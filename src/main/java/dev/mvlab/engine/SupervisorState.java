package dev.mvlab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
record SupervisorState(long pid, int httpPort, Path stateDir, Instant startedAt, long chdbPid, int restarts,
                       String lastRestart) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<SupervisorState> read(Path file) {
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
    boolean isEngineOf(EngineLayout layout) {
        if (!stateDir.equals(layout.stateDir())) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> {
            String command = commandLine(p);
            return command.contains(EngineSupervisor.class.getName())
                    && command.contains(" " + layout.stateDir() + " ");
        }).orElse(false);
    }

    static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException ignored) {
            // fall back to what the JDK reports
        }
        return process.info().commandLine().orElse("");
    }
}
