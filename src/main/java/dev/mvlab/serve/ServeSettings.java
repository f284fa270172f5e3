package dev.mvlab.serve;

import dev.mvlab.serve.door.DoorSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to serve: where, and the limits.
 *
 * @param stateDir      where tokens and the running server's file live, normally {@code <project>/.mvlab/serve}
 * @param maxBodyBytes  the largest request body accepted (decompressed)
 * @param retryBudget   how long an insert is retried while the engine does not answer, before the request fails
 * @param door          who may reach what: allowed host names, the query time limit, queries per token
 * @param keys          how long and how many {@code Idempotency-Key}s are remembered (in {@code stateDir})
 */
public record ServeSettings(String host, int port, Path stateDir, long maxBodyBytes, Duration retryBudget,
                            DoorSettings door, KeyMemory keys) {
    public static final int DEFAULT_PORT = 7181;
    public static final long DEFAULT_MAX_BODY = 10L << 20;
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    public ServeSettings(String host, int port, Path stateDir, long maxBodyBytes) {
        this(host, port, stateDir, maxBodyBytes, DEFAULT_RETRY);
    }

    public ServeSettings(String host, int port, Path stateDir, long maxBodyBytes, Duration retryBudget) {
        this(host, port, stateDir, maxBodyBytes, retryBudget, DoorSettings.DEFAULT, KeyMemory.DEFAULT);
    }

    public ServeSettings withKeys(KeyMemory memory) {
        return new ServeSettings(host, port, stateDir, maxBodyBytes, retryBudget, door, memory);
    }

    public static ServeSettings of(Path project, String host, int port) {
        return new ServeSettings(host, port, project.toAbsolutePath().normalize().resolve(".mvlab").resolve("serve"),
                DEFAULT_MAX_BODY, DEFAULT_RETRY);
    }

    public ServeSettings withDoor(DoorSettings rules) {
        return new ServeSettings(host, port, stateDir, maxBodyBytes, retryBudget, rules, keys);
    }

    public boolean loopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
