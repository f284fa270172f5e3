package dev.mvlab.engine;

import dev.mvlab.engine.host.EngineAccess;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How to reach or run ClickHouse. Each value comes from the command line, else the environment ({@code MVLAB_*}),
 * else the project's {@code mvlab.properties}, else its default.
 *
 * @param provider    which engine: auto, embedded, clickhouse-binary, docker or url
 * @param projectDir  the project folder (its {@code mvlab.properties}; an older mvlab kept the engine under it)
 * @param home        the user's mvlab folder ({@code MVLAB_HOME}, default {@code ~/.mvlab}): the one engine of every
 *                    project keeps its state, data and credential in {@code engine/} under it
 * @param httpPort    the HTTP port for engines mvlab starts; 0 lets the OS choose
 * @param tcpPort     the native TCP port for engines mvlab starts; 0 lets the OS choose
 * @param url         the server for the url provider
 * @param cacheDir    where the embedded engine library is installed
 * @param access      what the engine's SQL may reach beyond its own tables (file(), url(), remote()): off by default
 * @param origins     browser origins allowed to call the engine (none by default)
 * @param timeout     connect and read timeout of every call to the engine
 */
public record EngineSettings(EngineProvider provider, Path projectDir, Path home, int httpPort, int tcpPort, String url,
                             String user, String password, Path cacheDir, Duration startTimeout, EngineAccess access,
                             java.util.List<String> origins, Duration timeout) {

    public static final int DEFAULT_HTTP_PORT = 18123;
    public static final int DEFAULT_TCP_PORT = 19000;
    public static final String CONFIG_FILE = "mvlab.properties";

    /** The engine's folder: state file, log, data, credential. */
    public Path stateDir() {
        return home.resolve("engine");
    }

    /** Where an older mvlab kept the engine of this project (migrated on the first start). */
    Path legacyStateDir() {
        return projectDir.resolve(".mvlab").resolve("engine");
    }

    public EngineSettings withPorts(int http, int tcp) {
        return new EngineSettings(provider, projectDir, home, http, tcp, url, user, password, cacheDir, startTimeout,
                access, origins, timeout);
    }

    public EngineSettings withProjectDir(Path dir) {
        return new EngineSettings(provider, dir, home, httpPort, tcpPort, url, user, password, cacheDir, startTimeout,
                access, origins, timeout);
    }

    public EngineSettings withTimeout(Duration value) {
        return new EngineSettings(provider, projectDir, home, httpPort, tcpPort, url, user, password, cacheDir,
                startTimeout, access, origins, value);
    }

    /**
     * Resolves the settings. {@code overrides} holds the command line's values by property name
     * (engine, home, http.port, tcp.port, url, user, password, cache.dir, start.timeout.seconds, engine.access,
     * engine.origins, timeout.seconds); nulls are ignored.
     */
    public static EngineSettings resolve(Path projectDir, Map<String, String> overrides, Map<String, String> env) {
        Properties file = readConfig(projectDir.resolve(CONFIG_FILE));
        Lookup lookup = new Lookup(overrides, env, file);
        Path home = Path.of(System.getProperty("user.home"));
        String xdgCache = env.get("XDG_CACHE_HOME");
        Path defaultCache = (xdgCache == null || xdgCache.isBlank() ? home.resolve(".cache") : Path.of(xdgCache))
                .resolve("mvlab").resolve("engine");
        String origins = lookup.get("engine.origins", "");
        return new EngineSettings(
                EngineProvider.parse(lookup.get("engine", "auto")),
                projectDir.toAbsolutePath().normalize(),
                Path.of(lookup.get("home", home.resolve(".mvlab").toString())).toAbsolutePath().normalize(),
                lookup.getInt("http.port", DEFAULT_HTTP_PORT),
                lookup.getInt("tcp.port", DEFAULT_TCP_PORT),
                lookup.get("url", null),
                lookup.get("user", "default"),
                lookup.get("password", ""),
                Path.of(lookup.get("cache.dir", defaultCache.toString())).toAbsolutePath(),
                Duration.ofSeconds(lookup.getInt("start.timeout.seconds", 60)),
                EngineAccess.parse(lookup.get("engine.access", "")),
                java.util.Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList(),
                Duration.ofSeconds(lookup.getInt("timeout.seconds", 120)));
    }

    private static Properties readConfig(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new MvlabException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }

    /**
     * Command line, then MVLAB_X_Y environment variable, then the config file. What opens the user's engine wider
     * (its home, SQL access, browser origins) is the user's own choice: a project's file cannot set it.
     */
    private record Lookup(Map<String, String> overrides, Map<String, String> env, Properties file) {
        private static final java.util.Set<String> USER_ONLY = java.util.Set.of("home", "engine.access",
                "engine.origins");

        String get(String key, String fallback) {
            String value = overrides.get(key);
            if (value == null) {
                value = env.get("MVLAB_" + key.toUpperCase().replace('.', '_'));
            }
            if ((value == null || value.isBlank()) && !USER_ONLY.contains(key)) {
                value = file.getProperty(key);
            }
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        int getInt(String key, int fallback) {
            String value = get(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new MvlabException(ExitCode.USAGE, "setting '" + key + "' must be a whole number, got '"
                        + value + "'", "set it on the command line, as MVLAB_" + key.toUpperCase().replace('.', '_')
                        + " or in " + CONFIG_FILE);
            }
        }
    }
}
