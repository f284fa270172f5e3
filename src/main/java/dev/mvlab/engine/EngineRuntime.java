package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;

import java.nio.file.Path;
import java.util.Optional;

/** A ClickHouse that mvlab can start, stop, ask about and connect to. */
public interface EngineRuntime {
    /** What runs this engine (never {@link EngineProvider#AUTO}). */
    EngineProvider provider();

    /** Starts the engine, or finds it already running; returns how it runs. Idempotent. */
    EngineStatus start();

    /** Stops it cleanly; does nothing when it is not running. */
    void stop();

    EngineStatus status();

    /** The endpoint of the running engine, starting nothing. Empty when it is not running. */
    Optional<Endpoint> endpoint();

    /**
     * Whether the running engine at {@code endpoint} answers now: a cheaper question than {@link #status()}, asked
     * before each command's connection.
     */
    default boolean answers(Endpoint endpoint) {
        return status().running();
    }

    /** The engine's own log file, when the provider keeps one. */
    Optional<Path> logFile();

    /** Installs what the provider needs (a no-op for providers that need nothing). */
    default String install() {
        return provider() + " needs nothing installed by mvlab";
    }
}
