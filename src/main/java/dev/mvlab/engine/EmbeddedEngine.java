package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;
import dev.mvlab.engine.host.Credential;
import dev.mvlab.engine.host.EngineLayout;
import dev.mvlab.engine.host.HostProcesses;
import dev.mvlab.engine.host.SupervisorState;

import dev.mvlab.errors.EngineException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ClickHouse 26.7 from the chDB library: the user's one engine for every project. The engine host runs it
 * in the background behind its relay on 127.0.0.1; state, data, log and credential live in {@code <home>/engine}
 * (home: {@code MVLAB_HOME}, default {@code ~/.mvlab}), so every project and every command finds the same engine.
 */
public final class EmbeddedEngine implements EngineRuntime {
    private final EngineSettings settings;
    private final EngineLayout layout;
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
        this(settings, ownerPid, hostJvmOptions, EngineInstaller.Progress.NONE);
    }

    /** Also tells {@code installProgress} each step of installing the library when a start needs it. */
    public EmbeddedEngine(EngineSettings settings, Long ownerPid, List<String> hostJvmOptions,
                          EngineInstaller.Progress installProgress) {
        this.settings = settings;
        this.layout = new EngineLayout(settings.stateDir());
        this.installer = new EngineInstaller(settings.cacheDir(), installProgress);
        this.ownerPid = ownerPid;
        this.hostJvmOptions = List.copyOf(hostJvmOptions);
    }

    @Override
    public EngineProvider provider() {
        return EngineProvider.EMBEDDED;
    }

    Path dataDir() {
        return layout.dataDir();
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(layout.logFile());
    }

    @Override
    public String install() {
        boolean had = installer.isInstalled();
        Path library = installer.ensureInstalled();
        return (had ? "already installed and intact: " : "installed and verified: ") + library;
    }

    /** {@code engine install --force}: downloads and verifies the library again. */
    public String reinstall() {
        return "installed and verified again: " + installer.reinstall();
    }

    @Override
    public EngineStatus start() {
        try {
            Files.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw new EngineException("cannot create " + layout.stateDir() + ": " + e.getMessage(),
                    "choose another place with MVLAB_HOME");
        }
        try (RandomAccessFile lockFile = new RandomAccessFile(layout.lockFile().toFile(), "rw");
             FileLock ignored = lockFile.getChannel().lock()) {
            Optional<SupervisorState> running = runningState();
            if (running.isPresent()) {
                awaitReady(running.get().pid(), null);
                return status();
            }
            Optional<SupervisorState> starting = awaitHostStarting();
            if (starting.isPresent()) { // a start that was interrupted left its host starting: wait for it
                awaitReady(starting.get().pid(), null);
                return status();
            }
            LegacyEngine.migrate(settings.legacyStateDir(), layout);
            launch();
            return status();
        } catch (IOException e) {
            throw new EngineException("cannot lock " + layout.stateDir() + ": " + e.getMessage(), null);
        }
    }

    private Optional<SupervisorState> runningState() {
        Optional<SupervisorState> stored = SupervisorState.read(layout.stateFile());
        Optional<SupervisorState> state = stored.filter(s -> s.isEngineOf(layout));
        if (state.isEmpty()) {
            stored.ifPresent(this::awaitOrphanChdb);
            deleteQuietly(layout.stateFile()); // stale after a crash or reboot, or naming another engine
        }
        return state;
    }

    /**
     * A host killed with SIGKILL leaves its chDB to stop by itself (it watches the host); wait for it, so that a new
     * chDB never opens the same data while the old one still holds it. Only a chDB of this folder is waited for.
     */
    private void awaitOrphanChdb(SupervisorState stale) {
        ProcessHandle.of(stale.chdbPid()).filter(p -> HostProcesses.isChdbOf(p, layout.dataDir()))
                .ifPresent(orphan -> {
                    if (!waitForExit(orphan, Duration.ofSeconds(30))) {
                        orphan.destroyForcibly();
                        waitForExit(orphan, Duration.ofSeconds(5));
                    }
                });
    }

    /** While a host holds this folder's host lock but has not written its state yet, wait for the state. */
    private Optional<SupervisorState> awaitHostStarting() throws IOException {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(layout.hostLockFile(),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock free = channel.tryLock()) {
                if (free != null) {
                    return Optional.empty();
                }
            }
            Optional<SupervisorState> state = SupervisorState.read(layout.stateFile()).filter(s -> s.isEngineOf(layout));
            if (state.isPresent()) {
                return state;
            }
            sleep(100);
        }
        throw new EngineException("an engine host holds " + layout.hostLockFile() + " but wrote no state within "
                + settings.startTimeout().toSeconds() + " s", "see 'mvlab engine logs'");
    }

    private void launch() throws IOException {
        checkPortFree(settings.httpPort());
        Path library = installer.ensureInstalled();
        Credential.loadOrCreate(layout.stateDir());
        Credential.loadOrCreateOwn(layout.stateDir());
        Files.writeString(layout.logFile(), "---- " + Instant.now() + " starting ClickHouse "
                + EngineInstaller.ENGINE_VERSION + " (embedded)\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = HostProcesses.startSupervisor(layout, library, settings.httpPort(), settings.access(),
                settings.origins(), ownerPid, hostJvmOptions);
        awaitReady(process.pid(), process);
    }

    /** Waits for the host's state file and an answer through its relay; on failure reports the log tail. */
    private void awaitReady(long pid, Process process) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            boolean alive = process != null ? process.isAlive() : ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
            Optional<SupervisorState> state = SupervisorState.read(layout.stateFile()).filter(s -> s.pid() == pid);
            if (state.isPresent() && state.get().chdbPid() > 0 && Http.ping(endpointOf(state.get()))) {
                RunningEngines.in(settings).note(state.get().httpPort(), layout.stateDir());
                return;
            }
            if (!alive) {
                throw new EngineException("the embedded engine exited during start-up:\n" + logTail(15),
                        "see the whole log with 'mvlab engine logs'");
            }
            sleep(50);
        }
        if (process != null) {
            process.destroy();
        }
        throw new EngineException("the embedded engine did not answer within " + settings.startTimeout().toSeconds()
                + " s; last lines of its log:\n" + logTail(15),
                "a slow disk or a loaded machine may need more: MVLAB_START_TIMEOUT_SECONDS=180");
    }

    /** mvlab's own commands reach the engine with its own key (their lane and user); the user's clients use the
     * credential. */
    private Endpoint endpointOf(SupervisorState state) {
        return new Endpoint("127.0.0.1", state.httpPort(), false, "default",
                Credential.readOwn(layout.stateDir()).or(() -> Credential.read(layout.stateDir())).orElse(""),
                settings.timeout());
    }

    /** The engine as the user's own clients reach it: with the credential (tests use it to act as such a client). */
    public Optional<Endpoint> credentialEndpoint() {
        return endpoint().map(e -> e.withPassword(credential()));
    }

    private static void checkPortFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new EngineException("the HTTP port " + port + " on 127.0.0.1 is taken by another process, "
                    + "so the embedded engine cannot listen there",
                    "stop what uses it (ss -ltnp 'sport = :" + port + "'), or choose another port with --http-port"
                            + " / MVLAB_HTTP_PORT (0 lets the system choose)");
        }
    }

    /**
     * Stops this engine: only a process that is the engine host of this engine folder is signalled (SIGTERM: it
     * stops chDB cleanly and removes its state file). A state file naming any other process is removed, nothing else.
     */
    @Override
    public void stop() {
        Optional<SupervisorState> state = SupervisorState.read(layout.stateFile());
        if (state.isEmpty() || !state.get().isEngineOf(layout)) {
            deleteQuietly(layout.stateFile());
            return;
        }
        ProcessHandle handle = ProcessHandle.of(state.get().pid()).orElseThrow();
        handle.destroy();
        if (!waitForExit(handle, Duration.ofSeconds(45))) {
            handle.destroyForcibly();
            waitForExit(handle, Duration.ofSeconds(5));
        }
        deleteQuietly(layout.stateFile());
    }

    /**
     * Polls: onExit() of a process that is not our child can lag by seconds. A process that has exited but was not
     * reaped yet (a zombie: its parent, often init, collects it when it gets to it) counts as gone: it holds no file,
     * lock or port any more.
     */
    static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (handle.isAlive() && !HostProcesses.hasExited(handle)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    @Override
    public EngineStatus status() {
        Optional<SupervisorState> state = SupervisorState.read(layout.stateFile()).filter(s -> s.isEngineOf(layout));
        if (state.isEmpty()) {
            return EngineStatus.stopped(provider(), dataDir(), installer.isInstalled()
                    ? "installed in " + installer.libraryPath().getParent() : "not installed yet");
        }
        return EngineStatusReader.read(provider(), state.get(), endpointOf(state.get()), layout);
    }

    /** chDB answers {@code /ping} through the relay (one request; {@link #status()} runs two queries). */
    @Override
    public boolean answers(Endpoint endpoint) {
        return Http.ping(endpoint);
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return SupervisorState.read(layout.stateFile()).filter(s -> s.isEngineOf(layout)).map(this::endpointOf);
    }

    /** The user's credential for their own clients, creating it when the engine never ran. */
    /** How mvlab's own commands reach a relay of this engine folder on {@code httpPort} (a local cluster node). */
    public Endpoint ownEndpoint(int httpPort) {
        return new Endpoint("127.0.0.1", httpPort, false, "default",
                Credential.readOwn(layout.stateDir()).or(() -> Credential.read(layout.stateDir())).orElse(""),
                settings.timeout());
    }

    /** Creates the credential and mvlab's own key when they are missing (the local cluster's relays use them). */
    public void ensureKeys() {
        Credential.loadOrCreate(layout.stateDir());
        Credential.loadOrCreateOwn(layout.stateDir());
    }

    public String credential() {
        return Credential.loadOrCreate(layout.stateDir());
    }

    public Path credentialFile() {
        return Credential.file(layout.stateDir());
    }

    /** Notes that a project used a database of this engine (shown by {@code engine status}). */
    public void noteProject(Path projectDir, String database) {
        ProjectRegistry.note(layout.projectsFile(), projectDir, database);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(layout.logFile());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file is re-checked on the next start
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the engine", null);
        }
    }
}
