package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code mvlab engine status} reports. Fields that a provider does not know are null (lists empty).
 *
 * @param databases the databases the engine holds, each with the projects that used it (when known)
 * @param restarts  how often the engine came back by itself since it started, and the last reason (embedded)
 */
public record EngineStatus(EngineProvider provider, boolean running, String version, Endpoint endpoint, Integer tcpPort,
                           Path dataDir, Long pid, Duration uptime, String note, List<String> databases,
                           String restarts) {

    public EngineStatus(EngineProvider provider, boolean running, String version, Endpoint endpoint, Integer tcpPort,
                        Path dataDir, Long pid, Duration uptime, String note) {
        this(provider, running, version, endpoint, tcpPort, dataDir, pid, uptime, note, List.of(), null);
    }

    public static EngineStatus stopped(EngineProvider provider, Path dataDir, String note) {
        return new EngineStatus(provider, false, null, null, null, dataDir, null, null, note);
    }
}
