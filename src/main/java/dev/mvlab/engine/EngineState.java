package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.HostProcesses;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The embedded engine's pid file: which process serves which ports since when. */
record EngineState(long pid, int httpPort, int tcpPort, Path dataDir, Instant startedAt) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static Optional<EngineState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(file.toFile());
            return Optional.of(new EngineState(node.get("pid").asLong(), node.get("httpPort").asInt(),
                    node.get("tcpPort").asInt(), Path.of(node.get("dataDir").asText()),
                    Instant.parse(node.get("startedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or foreign file is treated as stale
        }
    }

    void write(Path file) throws IOException {
        var node = JSON.createObjectNode();
        node.put("pid", pid).put("httpPort", httpPort).put("tcpPort", tcpPort)
                .put("dataDir", dataDir.toString()).put("startedAt", startedAt.toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** What status reports for this running process: it asks the server for its version over HTTP. */
    EngineStatus toStatus(EngineProvider provider) {
        Endpoint endpoint = Endpoint.loopback(httpPort);
        String serverVersion;
        try {
            serverVersion = Http.query(endpoint, "SELECT version()").strip();
        } catch (IOException e) {
            serverVersion = null;
        }
        return new EngineStatus(provider, serverVersion != null, serverVersion, endpoint, tcpPort, dataDir, pid,
                java.time.Duration.between(startedAt, Instant.now()),
                serverVersion == null ? "process alive but not answering" : null);
    }

    /** True when the pid is alive and its command line contains the marker. */
    boolean isAlive(String marker) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> HostProcesses.commandLine(p).contains(marker)).orElse(false);
    }
}
