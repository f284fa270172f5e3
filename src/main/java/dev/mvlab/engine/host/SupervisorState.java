package dev.mvlab.engine.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    /** Made on the first write only (the engine host); {@link #read} needs only a parser. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The state in {@code file}, empty when it is missing, torn, older or foreign. Read with Jackson's streaming
     * parser: every command reads this file before it connects, and an {@code ObjectMapper} costs it about 0.1 s of
     * start-up.
     */
    public static Optional<SupervisorState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getText());
                }
            }
            return Optional.of(new SupervisorState(Long.parseLong(fields.get("pid")),
                    Integer.parseInt(fields.get("httpPort")), Path.of(fields.get("stateDir")),
                    Instant.parse(fields.get("startedAt")), Long.parseLong(fields.getOrDefault("chdbPid", "0")),
                    Integer.parseInt(fields.getOrDefault("restarts", "0")), fields.get("lastRestart")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn, older or foreign file is treated as stale
        }
    }

    void write(Path file) throws IOException {
        var node = Json.MAPPER.createObjectNode();
        node.put("pid", pid).put("httpPort", httpPort).put("stateDir", stateDir.toString())
                .put("startedAt", startedAt.toString()).put("chdbPid", chdbPid).put("restarts", restarts)
                .put("lastRestart", lastRestart);
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
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
