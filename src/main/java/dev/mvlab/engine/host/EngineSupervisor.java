package dev.mvlab.engine.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine host: the process {@code mvlab engine start} leaves running. It owns the public port (the
 * {@link HttpRelay}), writes the state file before anything serves, runs chDB in a child JVM
 * ({@link ChdbProcess}) and starts it again on the same data when it dies, logging why. SIGTERM stops it cleanly.
 *
 * <p>Arguments: {@code <libchdb.so> <stateDir> <httpPort> <access> <origins> [<ownerPid>]}; access is like
 * {@code file,url} and origins comma-separated, each {@code -} for none.
 */
final class EngineSupervisor {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int QUICK_FAILURES_TO_GIVE_UP = 5;
    /** Requests one client may have in the relay at once (see {@link ClientLimits}). */
    static final int PER_CLIENT = 24;
    /** Requests mvlab's own commands may have in the relay at once. */
    static final int OWN_LANE = 96;
    /**
     * On stop, how long the requests already in the relay may take to end before their connections are closed (their
     * clients get an error; chDB then cancels what still runs). New connections are refused from the start.
     */
    static final Duration STOP_GRACE = Duration.ofMillis(Long.getLong("mvlab.engine.stop-grace-ms", 1000));

    private final EngineLayout layout;
    private final Path library;
    private final EngineAccess access;
    private final HttpRelay relay;
    private final Server server;
    private volatile boolean stopping;
    private volatile ChdbProcess chdb;
    private SupervisorState state;

    private EngineSupervisor(EngineLayout layout, Path library, EngineAccess access, List<String> origins,
                             int httpPort) {
        this.layout = layout;
        this.library = library;
        this.access = access;
        this.relay = relayWithEngineKeys(layout.stateDir(), layout.stateDir(), origins,
                new RequestBody.Spool(layout.privateDir().resolve("spool")), new ClientLimits(PER_CLIENT, OWN_LANE));
        // mvlab's lane and the credential's clients on 127.0.0.1 and ::1 hold at most 144 of these threads
        QueuedThreadPool threads = new QueuedThreadPool(OWN_LANE + 4 * PER_CLIENT, 4);
        threads.setName("relay");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(httpPort);
        connector.setIdleTimeout(Duration.ofMinutes(10).toMillis());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(relay));
        server.setStopTimeout(STOP_GRACE.toMillis());
    }

    /**
     * A relay with the engine's credential and own key (those of {@code engineDir}): the engine's and each local
     * cluster node's door are built here alike.
     */
    static HttpRelay relayWithEngineKeys(Path engineDir, Path servedDir, List<String> origins, RequestBody.Spool spool,
                                         ClientLimits limits) {
        return new HttpRelay(servedDir, Credential.loadOrCreate(engineDir), Credential.loadOrCreateOwn(engineDir),
                origins, spool, limits);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: EngineSupervisor <libchdb.so> <stateDir> <httpPort> <access> <origins> [<ownerPid>]");
            System.exit(2);
        }
        EngineLayout layout = new EngineLayout(Path.of(args[1]));
        List<String> origins = args[4].equals("-") ? List.of() : Arrays.asList(args[4].split(","));
        EngineAccess access = EngineAccess.parse(args[3].equals("-") ? "" : args[3]);
        EngineSupervisor supervisor = new EngineSupervisor(layout, Path.of(args[0]), access, origins,
                Integer.parseInt(args[2]));
        if (args.length == 6) {
            OwnerWatch.start(Long.parseLong(args[5]), EngineSupervisor::log);
        }
        supervisor.run();
    }

    private void run() throws Exception {
        java.nio.channels.FileChannel hostLock = java.nio.channels.FileChannel.open(layout.hostLockFile(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        if (hostLock.tryLock() == null) {
            log("another engine host already runs on " + layout.stateDir() + "; this one ends");
            System.exit(3);
        }
        Files.createDirectories(layout.privateDir());
        Files.setPosixFilePermissions(layout.privateDir(), PosixFilePermissions.fromString("rwx------"));
        ChdbProcess first = ChdbProcess.launch(layout, library, access, childOptions()); // starts while Jetty does
        chdb = first;
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        state = new SupervisorState(ProcessHandle.current().pid(), port, layout.stateDir(), Instant.now(), 0, 0, null);
        state.write(layout.stateFile());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "engine-stop"));
        log("relay listening on 127.0.0.1:" + port + " (access: "
                + (access.text().isEmpty() ? "no file/url/remote/executable" : access.text()) + ")");
        supervise(first);
    }

    /** Runs chDB, and runs it again whenever it dies, until the engine is stopped. */
    private void supervise(ChdbProcess first) throws InterruptedException, IOException {
        int restarts = 0;
        int quickFailures = 0;
        String reason = null;
        while (!stopping) {
            Instant launched = Instant.now();
            ChdbProcess process = restarts == 0 && quickFailures == 0 ? first
                    : ChdbProcess.launch(layout, library, access, childOptions());
            chdb = process;
            var upstream = process.awaitReady(READY_TIMEOUT);
            if (upstream.isPresent() && !stopping) {
                relay.upstream(upstream.get());
                state = state.withChdb(process.pid(), restarts, reason);
                state.write(layout.stateFile());
                log("chDB ready (pid " + process.pid() + ") in " + Duration.between(launched, Instant.now()).toMillis()
                        + " ms" + (restarts > 0 ? ", restart " + restarts : ""));
                quickFailures = 0;
            } else {
                quickFailures++;
            }
            int code = process.waitFor();
            relay.upstream(null);
            if (stopping) {
                break;
            }
            restarts++;
            reason = "chDB (pid " + process.pid() + ") exited with code " + code + " at " + Instant.now();
            log(reason + "; starting it again on the same data (restart " + restarts + ")");
            if (quickFailures >= QUICK_FAILURES_TO_GIVE_UP) {
                log("chDB failed to start " + quickFailures + " times in a row; giving up (see the lines above)");
                System.exit(1);
            }
            Thread.sleep(quickFailures == 0 ? 100 : 1000L * quickFailures);
        }
    }

    private static List<String> childOptions() {
        List<String> options = new ArrayList<>();
        if (Boolean.getBoolean("mvlab.host.churn")) {
            options.add("-Dmvlab.host.churn=true");
        }
        return options;
    }

    /**
     * SIGTERM, {@code mvlab engine stop}, or the owner gone: first the relay stops taking requests and lets those in
     * flight end (up to {@link #STOP_GRACE}), so an insert it answered is complete; then chDB shuts down cleanly
     * (tables, pools) once its connections are closed; then the state goes. Each step's time is logged.
     */
    private void shutdown() {
        stopping = true;
        Instant begun = Instant.now();
        log("stopping");
        try {
            server.stop(); // graceful: the connector closes, then up to STOP_GRACE for requests in flight
        } catch (Exception e) {
            log("relay stop: " + e);
        }
        relay.upstream(null);
        Instant relayStopped = Instant.now();
        ChdbProcess current = chdb;
        if (current != null) {
            current.stop();
        }
        Instant chdbStopped = Instant.now();
        SupervisorState.read(layout.stateFile()).filter(s -> s.pid() == ProcessHandle.current().pid())
                .ifPresent(s -> {
                    try {
                        Files.deleteIfExists(layout.stateFile());
                    } catch (IOException ignored) {
                        // the next start sees a dead pid
                    }
                });
        log("stopped in " + Duration.between(begun, Instant.now()).toMillis() + " ms (relay "
                + Duration.between(begun, relayStopped).toMillis() + " ms, chDB "
                + Duration.between(relayStopped, chdbStopped).toMillis() + " ms)");
    }

    static void log(String message) {
        System.out.println(Instant.now() + " mvlab engine: " + message);
        System.out.flush();
    }
}
