package dev.mvlab.engine.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine host's processes as the lifecycle ({@code dev.mvlab.engine}) sees them: the command that starts the
 * supervisor ({@link EngineSupervisor}, which runs the relay and chDB's JVM), and how to recognise a supervisor or a
 * chDB process by its command line. A process an mvlab of before this package started (its mains were in
 * {@code dev.mvlab.engine}) is recognised too, so that such an engine can still be found and stopped.
 */
public final class HostProcesses {
    /** Requests one client may have in the relay at once. */
    public static final int REQUESTS_PER_CLIENT = EngineSupervisor.PER_CLIENT;
    /** The relay's path that answers the engine's folder to a caller with the credential. */
    public static final String FOLDER_PATH = HttpRelay.WHERE_PATH;
    /** Ends chDB's keep-alive query: clickhouse-local then shuts down. */
    public static final String STOP_QUERY = EngineHost.STOP_QUERY;

    /**
     * The relay's connections to chDB close after 1 s unused (the JDK's default is 20 min): on its way down
     * clickhouse-local waits for every open connection, idle ones included, so this bounds that wait in a stop. A
     * connection opened again on loopback costs a fraction of a millisecond.
     */
    private static final String KEEP_ALIVE_OPTION = "-Djdk.httpclient.keepalive.timeout=1";
    /**
     * With a common pool of parallelism 1 (the JDK's default on 2 cores) every asynchronous stage of the relay's HTTP
     * client starts a thread of its own (JFR counted 1,192 thread starts in one {@code bench serve}); at 2 or more the
     * common pool's threads are reused.
     */
    private static final String COMMON_POOL_OPTION = "-Djava.util.concurrent.ForkJoinPool.common.parallelism="
            + Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    private static final List<String> SUPERVISOR_MAINS = List.of(EngineSupervisor.class.getName(),
            "dev.mvlab.engine.EngineSupervisor");
    private static final List<String> CHDB_MAINS = List.of(EngineHost.class.getName(), "dev.mvlab.engine.EngineHost");

    private HostProcesses() {
    }

    /**
     * This JVM's class path with every entry absolute: the child processes start in another working directory, so a
     * relative entry ({@code java -jar target/mvlab.jar}) would name nothing there.
     */
    static String classPath() {
        return absoluteClassPath(System.getProperty("java.class.path"));
    }

    static String absoluteClassPath(String classPath) {
        return java.util.Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /**
     * Starts the supervisor of {@code layout}'s engine in a JVM of its own, its output appended to the engine log.
     *
     * @param ownerPid   when not null, the engine stops by itself when that process ends (test runs)
     * @param jvmOptions extra options for the supervisor's JVM (tests use {@code -Dmvlab.host.churn=true})
     */
    public static Process startSupervisor(EngineLayout layout, Path library, int httpPort, EngineAccess access,
                                          List<String> origins, Long ownerPid, List<String> jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", KEEP_ALIVE_OPTION,
                COMMON_POOL_OPTION,
                "-XX:ErrorFile=" + layout.crashLogDir().resolve("hs_err_pid%p.log")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), EngineSupervisor.class.getName(),
                library.toString(), layout.stateDir().toString(), Integer.toString(httpPort),
                access.text().isEmpty() ? "-" : access.text(), origins.isEmpty() ? "-" : String.join(",", origins)));
        if (ownerPid != null) {
            command.add(Long.toString(ownerPid));
        }
        Files.createDirectories(layout.crashLogDir());
        return new ProcessBuilder(command)
                .directory(layout.stateDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile().toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /**
     * Starts the local cluster's supervisor ({@link LocalClusterSupervisor}) for the engine folder of {@code layout},
     * its output appended to the cluster log.
     */
    public static Process startClusterSupervisor(LocalClusterLayout layout, Path library, int shards, int replicas,
                                                 long memoryMb, EngineAccess access, List<String> origins,
                                                 Long ownerPid) throws IOException {
        Files.createDirectories(layout.dir());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", KEEP_ALIVE_OPTION,
                COMMON_POOL_OPTION,
                "-XX:ErrorFile=" + layout.dir().resolve("hs_err_pid%p.log"),
                "-cp", classPath(), LocalClusterSupervisor.class.getName(),
                library.toString(), layout.engineDir().toString(), Integer.toString(shards),
                Integer.toString(replicas), Long.toString(memoryMb), access.text().isEmpty() ? "-" : access.text(),
                origins.isEmpty() ? "-" : String.join(",", origins)));
        if (ownerPid != null) {
            command.add(Long.toString(ownerPid));
        }
        return new ProcessBuilder(command)
                .directory(layout.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile().toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** True when the process is alive and is the local cluster's supervisor of the engine folder {@code engineDir}. */
    static boolean isClusterSupervisorOf(ProcessHandle process, Path engineDir) {
        return runs(process, List.of(LocalClusterSupervisor.class.getName()), " " + engineDir + " ");
    }

    /** True when the process is alive and is the supervisor of the engine folder {@code stateDir}. */
    static boolean isSupervisorOf(ProcessHandle process, Path stateDir) {
        return runs(process, SUPERVISOR_MAINS, " " + stateDir + " ");
    }

    /** True when the process is alive, is a chDB host, and its command line names {@code path} (its data folder). */
    public static boolean isChdbOf(ProcessHandle process, Path path) {
        return runs(process, CHDB_MAINS, path.toString());
    }

    private static boolean runs(ProcessHandle process, List<String> mains, String mention) {
        if (!process.isAlive()) {
            return false;
        }
        String command = commandLine(process);
        return mains.stream().anyMatch(main -> command.contains(main + " ")) && command.contains(mention);
    }

    /**
     * True when the process has ended but is not reaped yet (state {@code Z} or {@code X} in {@code /proc/<pid>/stat}):
     * {@link ProcessHandle#isAlive()} still says alive then. False when it runs or /proc cannot tell.
     */
    public static boolean hasExited(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')'); // the name may hold spaces and parentheses
            char state = afterName < 0 || afterName + 2 >= stat.length() ? '?' : stat.charAt(afterName + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }

    /** The process's command line, its arguments separated by spaces (from /proc, else as the JDK reports it). */
    public static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException ignored) {
            // fall back to what the JDK reports
        }
        return process.info().commandLine().orElse("");
    }
}
