package dev.mvlab.engine;

import com.sun.jna.Pointer;

import java.nio.file.Path;
import java.util.List;

/**
 * The main class of the background engine process: it loads libchdb.so and runs clickhouse-local with HTTP and
 * native TCP listeners on one loopback address, until its endless keep-alive query is killed.
 *
 * <p>Arguments: {@code <libchdb.so> <dataDir> <listenHost> <httpPort> <tcpPort> <portsFile> [<ownerPid>]}. Port 0
 * lets the OS choose; the ports actually bound are written to {@code portsFile} as {@code http<TAB>tcp}. With an
 * owner pid (tests use it), the host ends itself when that process is gone, so no engine outlives a killed test run.
 */
public final class EngineHost {
    /** The keep-alive query; {@link EmbeddedEngine#stop} kills it by this marker. */
    static final String KEEP_ALIVE_MARKER = "mvlab_keep_alive";

    private EngineHost() {
    }

    public static void main(String[] args) {
        if (args.length != 6 && args.length != 7) {
            System.err.println("usage: EngineHost <libchdb.so> <dataDir> <listenHost> <httpPort> <tcpPort> <portsFile>"
                    + " [<ownerPid>]");
            System.exit(2);
        }
        if (args.length == 7) {
            watchOwner(Long.parseLong(args[6]));
        }
        ChdbLibrary chdb = ChdbLibrary.load(args[0]);
        chdb.chdb_set_signal_handlers_enabled(false);
        if (Boolean.getBoolean("mvlab.host.churn")) {
            churn();
        }
        List<String> argv = argv(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                Path.of(args[5]));
        System.out.println("mvlab engine host: starting clickhouse-local, data in " + args[1]);
        Pointer result = chdb.chdb_query_cmdline(argv.size(), argv.toArray(String[]::new));
        String error = result == null ? null : chdb.chdb_result_error(result);
        if (error != null && !error.isBlank()) {
            System.err.println("mvlab engine host: clickhouse-local ended with an error: " + error.strip());
            System.exit(1);
        }
        System.out.println("mvlab engine host: clickhouse-local ended");
        System.exit(0);
    }

    /**
     * Test aid: keeps this JVM's garbage collector and implicit null checks busy while ClickHouse runs in-process, the
     * conditions under which a JVM without {@code chdb_set_signal_handlers_enabled(false)} dies with SIGSEGV.
     */
    private static void churn() {
        Thread churn = new Thread(() -> {
            long rounds = 0;
            while (true) {
                byte[][] garbage = new byte[256][];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = new byte[16 * 1024];
                }
                try {
                    Object nothing = rounds % 2 == 0 ? null : garbage;
                    nothing.hashCode();
                } catch (NullPointerException expected) {
                    // an implicit null check, as the JVM takes it: through SIGSEGV
                }
                if (++rounds % 50 == 0) {
                    System.gc();
                    System.out.println("mvlab engine host: churn round " + rounds + " (GC and null checks)");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-churn");
        churn.setDaemon(true);
        churn.start();
    }

    private static void watchOwner(long ownerPid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("mvlab engine host: owner process " + ownerPid + " is gone; stopping");
            Runtime.getRuntime().halt(0);
        }, "owner-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static List<String> argv(Path dataDir, String listenHost, int httpPort, int tcpPort, Path portsFile) {
        String query = "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
                + "INSERT INTO FUNCTION file('" + portsFile.toAbsolutePath() + "', 'TSV', 'http UInt16, tcp UInt16') "
                + "SELECT getServerPort('http_port'), getServerPort('tcp_port') SETTINGS engine_file_truncate_on_insert=1; "
                + "SELECT sleepEachRow(1), '" + KEEP_ALIVE_MARKER + "' FROM system.numbers "
                + "SETTINGS max_block_size=1, max_execution_time=0 FORMAT Null";
        return List.of("clickhouse",
                "--path=" + dataDir.toAbsolutePath() + "/",
                "--listen_host=" + listenHost,
                "--http_port=" + httpPort,
                "--tcp_port=" + tcpPort,
                "--query", query);
    }
}
