package dev.mvlab.serve;

import java.nio.file.Path;

/**
 * How to serve: where, and the limits.
 *
 * @param stateDir      where tokens and the running server's file live, normally {@code <project>/.mvlab/serve}
 * @param maxBodyBytes  the largest request body accepted (decompressed)
 */
public record ServeSettings(String host, int port, Path stateDir, long maxBodyBytes) {
    public static final int DEFAULT_PORT = 7181;
    public static final long DEFAULT_MAX_BODY = 10L << 20;

    public static ServeSettings of(Path project, String host, int port) {
        return new ServeSettings(host, port, project.toAbsolutePath().normalize().resolve(".mvlab").resolve("serve"),
                DEFAULT_MAX_BODY);
    }

    public boolean loopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
