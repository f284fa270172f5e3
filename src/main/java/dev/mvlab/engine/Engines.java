package dev.mvlab.engine;

import java.util.Locale;

/** Chooses the engine provider from the settings; {@code auto} picks the first that can work here. */
public final class Engines {
    private Engines() {
    }

    public static EngineRuntime create(EngineSettings settings) {
        return create(settings, EngineInstaller.Progress.NONE);
    }

    /** As {@link #create(EngineSettings)}; an engine that installs something tells {@code installProgress} each step. */
    public static EngineRuntime create(EngineSettings settings, EngineInstaller.Progress installProgress) {
        return switch (settings.provider()) {
            case EMBEDDED -> embedded(settings, installProgress);
            case CLICKHOUSE_BINARY -> new ClickHouseBinaryEngine(settings);
            case DOCKER -> new DockerEngine(settings);
            case URL -> new UrlEngine(settings);
            case AUTO -> auto(settings, installProgress);
        };
    }

    private static EmbeddedEngine embedded(EngineSettings settings, EngineInstaller.Progress installProgress) {
        return new EmbeddedEngine(settings, null, java.util.List.of(), installProgress);
    }

    private static EngineRuntime auto(EngineSettings settings, EngineInstaller.Progress installProgress) {
        if (settings.url() != null) {
            return new UrlEngine(settings);
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return embedded(settings, installProgress);
        }
        if (ClickHouseBinaryEngine.findOnPath().isPresent()) {
            return new ClickHouseBinaryEngine(settings);
        }
        return new DockerEngine(settings);
    }
}
