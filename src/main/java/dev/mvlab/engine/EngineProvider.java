package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What runs the ClickHouse mvlab talks to ({@code --engine}, {@code MVLAB_ENGINE}); {@link #AUTO} picks one. */
public enum EngineProvider {
    AUTO("auto"),
    /** chDB behind its relay, started by mvlab ({@link EmbeddedEngine}). */
    EMBEDDED("embedded"),
    /** A {@code clickhouse} binary on PATH, started by mvlab ({@code binary} also names it). */
    CLICKHOUSE_BINARY("clickhouse-binary", "binary"),
    /** A container started through Testcontainers. */
    DOCKER("docker"),
    /** A server that already runs, at {@code --url}. */
    URL("url");

    private final String text;
    private final List<String> aliases;

    EngineProvider(String text, String... aliases) {
        this.text = text;
        this.aliases = List.of(aliases);
    }

    /** The name as the user writes it; unknown names are refused with the list of known ones. */
    public static EngineProvider parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        Optional<EngineProvider> known = Arrays.stream(values())
                .filter(p -> p.text.equals(wanted) || p.aliases.contains(wanted)).findFirst();
        return known.orElseThrow(() -> new EngineException("unknown engine '" + name + "'",
                "choose one of: " + String.join(", ", Arrays.stream(values()).map(p -> p.text).toList())));
    }

    /** The name as the user writes it: {@code embedded}, {@code clickhouse-binary}... */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
