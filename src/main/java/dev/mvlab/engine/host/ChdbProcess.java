package dev.mvlab.engine.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of chDB in a JVM of its own ({@link EngineHost}): an abort inside ClickHouse ends that JVM only, and the
 * supervisor starts another on the same data. Its output goes to the engine log, JVM crash logs to the log folder.
 */
final class ChdbProcess {

    private final Process process;
    private final ChdbConfig config;
    private final Path privateDir;
    private volatile int port;

    private ChdbProcess(Process process, ChdbConfig config, Path privateDir) {
        this.process = process;
        this.config = config;
        this.privateDir = privateDir;
    }

    static ChdbProcess launch(EngineLayout layout, Path library, EngineAccess access, List<String> jvmOptions)
            throws IOException {
        return launch(layout, library, access, jvmOptions, null);
    }

    /** The same for a node of the local cluster (its native port opens too) when {@code node} is not null. */
    static ChdbProcess launch(EngineLayout layout, Path library, EngineAccess access, List<String> jvmOptions,
                              LocalClusterNodeConfig node) throws IOException {
        ChdbConfig config = ChdbConfig.write(layout.privateDir(), access, ServeRoles.databasesIn(layout.dataDir()),
                node);
        Files.deleteIfExists(layout.privateDir().resolve(EngineHost.PORTS_FILE));
        Files.createDirectories(layout.dataDir());
        Files.createDirectories(layout.crashLogDir());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m",
                "-XX:ErrorFile=" + layout.crashLogDir().resolve("hs_err_pid%p.log"), "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + temporaryDir(layout), "-Djna.tmpdir=" + temporaryDir(layout)));
        command.addAll(jvmOptions);
        if (node != null) {
            command.add("-D" + EngineHost.TCP_PORT_PROPERTY + "=" + node.tcpPort());
        }
        if (access.allows(EngineAccess.Source.FILE) || access.allows(EngineAccess.Source.EXECUTABLE)) {
            command.add("-Dmvlab.host.unconfined=true"); // the user's SQL may reach their files (see FileSandbox)
        }
        command.addAll(List.of("-cp", HostProcesses.classPath(), EngineHost.class.getName(),
                library.toString(), layout.dataDir().toString(), config.configFile().toString(),
                Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TMPDIR", temporaryDir(layout).toString());
        Process process = builder
                .directory(layout.privateDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile().toFile()))
                .redirectErrorStream(true)
                .start();
        return new ChdbProcess(process, config, layout.privateDir());
    }

    /** The engine's own temporary folder, inside its private folder: the file sandbox opens no shared /tmp. */
    private static Path temporaryDir(EngineLayout layout) {
        return layout.privateDir().resolve("tmp");
    }

    /** Waits until chDB answers on its private port; empty when it died or did not answer in time. */
    Optional<HttpRelay.Upstream> awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                String text = Files.readString(privateDir.resolve(EngineHost.PORTS_FILE)).strip();
                int candidate = Integer.parseInt(text);
                if (ChdbDoorCalls.ping(candidate, Duration.ofSeconds(2))) {
                    port = candidate;
                    return Optional.of(new HttpRelay.Upstream(candidate, config));
                }
            } catch (IOException | NumberFormatException notYet) {
                // the ports file comes first, then the listener
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    long pid() {
        return process.pid();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the keep-alive query through the private door (clickhouse-local then shuts down: its tables, its pools),
     * then signals if it does not end. The call closes its connection, so clickhouse-local does not wait for it.
     */
    void stop() {
        if (port > 0 && process.isAlive()) {
            try {
                ChdbDoorCalls.endKeepAlive(port, config.secret(), Duration.ofSeconds(5)); // not answering: signals
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
