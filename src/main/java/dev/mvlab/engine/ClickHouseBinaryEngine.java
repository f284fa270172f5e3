package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;

import dev.mvlab.errors.EngineException;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code clickhouse} executable on PATH (macOS and other platforms), run as {@code clickhouse server} with a config
 * that mvlab generates: loopback only, user default without a password, data in {@code .mvlab/engine/server}.
 */
public final class ClickHouseBinaryEngine implements EngineRuntime {
    private final EngineSettings settings;

    public ClickHouseBinaryEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public static Optional<Path> findOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "clickhouse");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public EngineProvider provider() {
        return EngineProvider.CLICKHOUSE_BINARY;
    }

    private Path serverDir() {
        return settings.stateDir().resolve("server");
    }

    private Path stateFile() {
        return settings.stateDir().resolve("server.json");
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(serverDir().resolve("clickhouse-server.log"));
    }

    @Override
    public EngineStatus start() {
        Optional<EngineState> running = EngineState.read(stateFile()).filter(s -> s.isAlive("clickhouse"));
        if (running.isPresent()) {
            return status();
        }
        Path binary = findOnPath().orElseThrow(() -> new EngineException("no 'clickhouse' executable on PATH",
                "install ClickHouse (https://clickhouse.com/docs/install) or use --engine embedded, docker or url"));
        try {
            int http = settings.httpPort() == 0 ? freePort() : settings.httpPort();
            int tcp = settings.tcpPort() == 0 ? freePort() : settings.tcpPort();
            Files.createDirectories(serverDir());
            Path config = serverDir().resolve("config.xml");
            Files.writeString(config, ServerConfig.xml(serverDir(), http, tcp));
            Process process = new ProcessBuilder(binary.toString(), "server", "--config-file=" + config)
                    .directory(serverDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(serverDir().resolve("stdout.log").toFile()))
                    .redirectErrorStream(true).start();
            Instant deadline = Instant.now().plus(settings.startTimeout());
            while (!Http.ping(Endpoint.loopback(http))) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new EngineException("clickhouse server did not start; see " + serverDir().resolve("stdout.log")
                            + " and " + logFile().orElseThrow(), "a port may be taken: choose others with --http-port/--tcp-port");
                }
                Thread.sleep(200);
            }
            new EngineState(process.pid(), http, tcp, serverDir(), Instant.now()).write(stateFile());
            return status();
        } catch (IOException e) {
            throw new EngineException("cannot start clickhouse server: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while starting clickhouse server", null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        EngineState.read(stateFile()).filter(s -> s.isAlive("clickhouse"))
                .flatMap(s -> ProcessHandle.of(s.pid())).ifPresent(handle -> {
                    handle.destroy();
                    if (!EmbeddedEngine.waitForExit(handle, Duration.ofSeconds(30))) {
                        handle.destroyForcibly();
                    }
                });
        try {
            Files.deleteIfExists(stateFile());
        } catch (IOException ignored) {
            // re-checked on the next start
        }
    }

    @Override
    public EngineStatus status() {
        Optional<EngineState> state = EngineState.read(stateFile()).filter(s -> s.isAlive("clickhouse"));
        if (state.isEmpty()) {
            return EngineStatus.stopped(provider(), serverDir(), findOnPath().map(p -> "binary: " + p)
                    .orElse("no 'clickhouse' on PATH"));
        }
        return state.get().toStatus(provider());
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return EngineState.read(stateFile()).filter(s -> s.isAlive("clickhouse")).map(s -> Endpoint.loopback(s.httpPort()));
    }
}
