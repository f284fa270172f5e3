package dev.mvlab.engine;

import dev.mvlab.engine.host.EngineLayout;
import dev.mvlab.engine.host.SupervisorState;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Asks the running embedded engine, through its relay, what {@code engine status} shows. */
final class EngineStatusReader {
    private EngineStatusReader() {
    }

    static EngineStatus read(EngineProvider provider, SupervisorState state, Endpoint endpoint, EngineLayout layout) {
        String version;
        List<String> databases = List.of();
        try {
            version = Http.query(endpoint, "SELECT version()").strip();
            String names = Http.query(endpoint, "SELECT name FROM system.databases WHERE name NOT IN "
                    + "('system', 'INFORMATION_SCHEMA', 'information_schema') ORDER BY name");
            databases = ProjectRegistry.describe(layout.projectsFile(),
                    Arrays.stream(names.split("\n")).filter(s -> !s.isBlank()).toList());
        } catch (IOException e) {
            version = null;
        }
        String restarts = state.restarts() == 0 ? null
                : state.restarts() + " (last: " + state.lastRestart() + ")";
        return new EngineStatus(provider, version != null, version, endpoint, null, layout.dataDir(), state.pid(),
                Duration.between(state.startedAt(), Instant.now()),
                version == null ? "process alive but not answering" : null, databases, restarts);
    }
}
