package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;

import java.util.Locale;

/** Chooses the engine provider from the settings; {@code auto} picks the first that can work here. */
public final class Engines {
    private Engines() {
    }

    public static EngineRuntime create(EngineSettings settings) {
        String provider = settings.provider().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "embedded" -> new EmbeddedEngine(settings);
            case "clickhouse-binary", "binary" -> new ClickHouseBinaryEngine(settings);
            case "docker" -> new DockerEngine(settings);
            case "url" -> new UrlEngine(settings);
            case "auto" -> auto(settings);
            default -> throw new EngineException("unknown engine '" + settings.provider() + "'",
                    "choose one of: auto, embedded, clickhouse-binary, docker, url");
        };
    }

    private static EngineRuntime auto(EngineSettings settings) {
        if (settings.url() != null) {
            return new UrlEngine(settings);
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return new EmbeddedEngine(settings);
        }
        if (ClickHouseBinaryEngine.findOnPath().isPresent()) {
            return new ClickHouseBinaryEngine(settings);
        }
        return new DockerEngine(settings);
    }
}
