package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ClickHouse 26.7 from the chDB library, run by {@link EngineHost} in a background JVM of its own, listening on
 * 127.0.0.1 only. Its data lives in {@code .mvlab/engine/data} and survives stop and start.
 */
public final class EmbeddedEngine implements EngineRuntime {
    static final String LISTEN_HOST = "127.0.0.1";

    private final EngineSettings settings;
    private final EngineInstaller installer;
    private final Long ownerPid;
    private final List<String> hostJvmOptions;

    public EmbeddedEngine(EngineSettings settings) {
        this(settings, null);
    }

    /** With an owner pid, the engine stops by itself when that process ends (used for test runs). */
    public EmbeddedEngine(EngineSettings settings, Long ownerPid) {
        this(settings, ownerPid, List.of());
    }

    /** Also passes extra options to the host JVM (tests use {@code -Dmvlab.host.churn=true}). */
    public EmbeddedEngine(EngineSettings settings, Long ownerPid, List<String> hostJvmOptions) {
        this.settings = settings;
        this.installer = new EngineInstaller(settings.cacheDir());
        this.ownerPid = ownerPid;
        this.hostJvmOptions = List.copyOf(hostJvmOptions);
    }

    @Override
    public String provider() {
        return "embedded";
    }

    Path dataDir() {
        return settings.stateDir().resolve("data");
    }

    private Path stateFile() {
        return settings.stateDir().resolve("engine.json");
    }

    private Path portsFile() {
        return settings.stateDir().resolve("ports.tsv");
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(settings.stateDir().resolve("engine.log"));
    }

    @Override
    public String install() {
        boolean had = installer.isInstalled();
        Path library = installer.ensureInstalled();
        return (had ? "already installed: " : "installed and verified: ") + library;
    }

    @Override
    public EngineStatus start() {
        try {
            Files.createDirectories(settings.stateDir());
        } catch (IOException e) {
            throw new EngineException("cannot create " + settings.stateDir() + ": " + e.getMessage(), null);
        }
        try (RandomAccessFile lockFile = new RandomAccessFile(settings.stateDir().resolve("lock").toFile(), "rw");
             FileLock ignored = lockFile.getChannel().lock()) {
            Optional<EngineState> running = runningState();
            if (running.isPresent()) {
                awaitReady(running.get(), null);
                return status();
            }
            EngineState state = launch();
            state.write(stateFile());
            return status();
        } catch (IOException e) {
            throw new EngineException("cannot lock " + settings.stateDir() + ": " + e.getMessage(), null);
        }
    }

    private Optional<EngineState> runningState() {
        Optional<EngineState> state = EngineState.read(stateFile()).filter(EngineState::isAlive);
        if (state.isEmpty()) {
            deleteQuietly(stateFile()); // stale after a crash or reboot
        }
        return state;
    }

    private EngineState launch() throws IOException {
        checkPortFree(settings.httpPort(), "HTTP", "http-port");
        checkPortFree(settings.tcpPort(), "native TCP", "tcp-port");
        Path library = installer.ensureInstalled();
        Files.createDirectories(dataDir());
        deleteQuietly(portsFile());
        Path log = logFile().orElseThrow();
        Files.writeString(log, "---- " + Instant.now() + " starting ClickHouse " + EngineInstaller.ENGINE_VERSION
                + " (embedded)\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-Xss4m"));
        command.addAll(hostJvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                EngineHost.class.getName(),
                library.toString(), dataDir().toString(), LISTEN_HOST,
                Integer.toString(settings.httpPort()), Integer.toString(settings.tcpPort()),
                portsFile().toString()));
        if (ownerPid != null) {
            command.add(Long.toString(ownerPid));
        }
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        EngineState state = new EngineState(process.pid(), 0, 0, dataDir(), Instant.now());
        return awaitReady(state, process);
    }

    /** Waits for the ports file and a ping; on failure stops the process and reports the log tail. */
    private EngineState awaitReady(EngineState state, Process process) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            boolean alive = process != null ? process.isAlive() : state.isAlive();
            Optional<int[]> ports = readPorts();
            if (ports.isPresent() && Http.ping(Endpoint.loopback(ports.get()[0]))) {
                return new EngineState(state.pid(), ports.get()[0], ports.get()[1], state.dataDir(), state.startedAt());
            }
            if (!alive) {
                throw new EngineException("the embedded engine exited during start-up:\n" + logTail(15),
                        "see the whole log with 'mvlab engine logs'");
            }
            sleep(100);
        }
        if (process != null) {
            process.destroyForcibly();
        }
        throw new EngineException("the embedded engine did not answer within " + settings.startTimeout().toSeconds()
                + " s; last lines of its log:\n" + logTail(15),
                "a slow disk or a loaded machine may need more: MVLAB_START_TIMEOUT_SECONDS=180");
    }

    private Optional<int[]> readPorts() {
        try {
            String text = Files.readString(portsFile()).strip();
            String[] parts = text.split("\t");
            if (parts.length == 2) {
                return Optional.of(new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            }
        } catch (IOException | NumberFormatException ignored) {
            // not written yet
        }
        return Optional.empty();
    }

    private static void checkPortFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LISTEN_HOST))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new EngineException("the " + what + " port " + port + " on " + LISTEN_HOST
                    + " is taken by another process, so the embedded engine cannot listen there",
                    "stop what uses it (ss -ltnp 'sport = :" + port + "'), or choose another port with --" + option
                            + " / MVLAB_" + option.toUpperCase().replace('-', '_') + " (0 lets the system choose)");
        }
    }

    @Override
    public void stop() {
        Optional<EngineState> state = EngineState.read(stateFile());
        if (state.isEmpty() || !state.get().isAlive()) {
            deleteQuietly(stateFile());
            return;
        }
        EngineState running = state.get();
        ProcessHandle handle = ProcessHandle.of(running.pid()).orElseThrow();
        try {
            Http.query(Endpoint.loopback(running.httpPort()), "KILL QUERY WHERE query LIKE '%"
                    + EngineHost.KEEP_ALIVE_MARKER + "%' AND query NOT LIKE '%KILL%'");
        } catch (IOException e) {
            // not answering: fall through to the signal
        }
        if (!waitForExit(handle, Duration.ofSeconds(20))) {
            handle.destroy();
            if (!waitForExit(handle, Duration.ofSeconds(10))) {
                handle.destroyForcibly();
                waitForExit(handle, Duration.ofSeconds(5));
            }
        }
        deleteQuietly(stateFile());
        deleteQuietly(portsFile());
    }

    /** Polls: onExit() of a process that is not our child can lag by seconds. */
    static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (handle.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    @Override
    public EngineStatus status() {
        Optional<EngineState> state = EngineState.read(stateFile()).filter(EngineState::isAlive);
        if (state.isEmpty()) {
            return EngineStatus.stopped(provider(), dataDir(), installer.isInstalled()
                    ? "installed in " + installer.libraryPath().getParent() : "not installed yet");
        }
        return state.get().toStatus(provider());
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return EngineState.read(stateFile()).filter(EngineState::isAlive)
                .map(s -> Endpoint.loopback(s.httpPort()));
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile().orElseThrow());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file is re-checked on the next start
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the engine", null);
        }
    }
}
