package dev.mvlab.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code mvlab engine status} reports. Fields that a provider does not know are null.
 */
public record EngineStatus(String provider, boolean running, String version, Endpoint endpoint, Integer tcpPort,
                           Path dataDir, Long pid, Duration uptime, String note) {

    public static EngineStatus stopped(String provider, Path dataDir, String note) {
        return new EngineStatus(provider, false, null, null, null, dataDir, null, null, note);
    }
}
