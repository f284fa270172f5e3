package dev.mvlab.engine;

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
 * @param provider    auto, embedded, clickhouse-binary, docker or url
 * @param projectDir  the project folder; the embedded engine keeps its data in {@code .mvlab/} under it
 * @param httpPort    the HTTP port for engines mvlab starts; 0 lets the OS choose
 * @param tcpPort     the native TCP port for engines mvlab starts; 0 lets the OS choose
 * @param url         the server for the url provider
 * @param cacheDir    where the embedded engine library is installed
 */
public record EngineSettings(String provider, Path projectDir, int httpPort, int tcpPort, String url, String user,
                             String password, Path cacheDir, Duration startTimeout) {

    public static final int DEFAULT_HTTP_PORT = 18123;
    public static final int DEFAULT_TCP_PORT = 19000;
    public static final String CONFIG_FILE = "mvlab.properties";

    public Path stateDir() {
        return projectDir.resolve(".mvlab").resolve("engine");
    }

    public EngineSettings withPorts(int http, int tcp) {
        return new EngineSettings(provider, projectDir, http, tcp, url, user, password, cacheDir, startTimeout);
    }

    public EngineSettings withProjectDir(Path dir) {
        return new EngineSettings(provider, dir, httpPort, tcpPort, url, user, password, cacheDir, startTimeout);
    }

    /**
     * Resolves the settings. {@code overrides} holds the command line's values by property name
     * (engine, http.port, tcp.port, url, user, password, cache.dir, start.timeout.seconds); nulls are ignored.
     */
    public static EngineSettings resolve(Path projectDir, Map<String, String> overrides, Map<String, String> env) {
        Properties file = readConfig(projectDir.resolve(CONFIG_FILE));
        Lookup lookup = new Lookup(overrides, env, file);
        Path home = Path.of(System.getProperty("user.home"));
        String xdgCache = env.get("XDG_CACHE_HOME");
        Path defaultCache = (xdgCache == null || xdgCache.isBlank() ? home.resolve(".cache") : Path.of(xdgCache))
                .resolve("mvlab").resolve("engine");
        return new EngineSettings(
                lookup.get("engine", "auto"),
                projectDir.toAbsolutePath().normalize(),
                lookup.getInt("http.port", DEFAULT_HTTP_PORT),
                lookup.getInt("tcp.port", DEFAULT_TCP_PORT),
                lookup.get("url", null),
                lookup.get("user", "default"),
                lookup.get("password", ""),
                Path.of(lookup.get("cache.dir", defaultCache.toString())).toAbsolutePath(),
                Duration.ofSeconds(lookup.getInt("start.timeout.seconds", 60)));
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

    /** Command line, then MVLAB_X_Y environment variable, then the config file. */
    private record Lookup(Map<String, String> overrides, Map<String, String> env, Properties file) {
        String get(String key, String fallback) {
            String value = overrides.get(key);
            if (value == null) {
                value = env.get("MVLAB_" + key.toUpperCase().replace('.', '_'));
            }
            if (value == null || value.isBlank()) {
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
