package dev.mvlab.engine.host;

import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The chDB process: loads libchdb.so and runs clickhouse-local with an HTTP listener on a private loopback port
 * (chosen by the OS, written to {@code ports.tsv} in its working folder), behind the door of its
 * {@link ChdbConfig}, until its endless keep-alive query is killed. Started and restarted by {@link EngineSupervisor};
 * no client talks to it directly.
 *
 * <p>Arguments: {@code <libchdb.so> <dataDir> <config.xml> <ownerPid>}. The working folder is the private folder
 * that holds the config; the startup SQL names no path. It ends itself when the owner (the supervisor) is gone, and
 * on SIGTERM it ends the keep-alive query and lets clickhouse-local shut down before the JVM exits.
 */
final class EngineHost {
    /** The keep-alive query; stopping kills it by this marker. */
    static final String KEEP_ALIVE_MARKER = "mvlab_keep_alive";
    /**
     * Seconds the keep-alive query sleeps per row: a kill is seen only between two sleeps, so this is how long a stop
     * may wait for it (a wake-up costs microseconds).
     */
    static final String KEEP_ALIVE_SLEEP = "0.1";
    static final String PORTS_FILE = "ports.tsv";
    /** A node of the local cluster also listens on this native TCP port (its peers' Distributed tables use it). */
    static final String TCP_PORT_PROPERTY = "mvlab.host.tcp-port";
    static final String STOP_QUERY = "KILL QUERY WHERE query LIKE '%" + KEEP_ALIVE_MARKER + "%' AND query NOT LIKE '%KILL%'";

    private static final CountDownLatch ENDED = new CountDownLatch(1);

    private EngineHost() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: EngineHost <libchdb.so> <dataDir> <config.xml> <ownerPid>");
            System.exit(2);
        }
        OwnerWatch.start(Long.parseLong(args[3]),
                what -> System.err.println("mvlab engine host: " + what));
        Path config = Path.of(args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(config), "sigterm-stop"));
        ChdbLibrary chdb = ChdbLibrary.load(args[0]);
        chdb.chdb_set_signal_handlers_enabled(false);
        if (Boolean.getBoolean("mvlab.host.churn")) {
            HostChurn.start();
        }
        if (!Boolean.getBoolean("mvlab.host.unconfined")) {
            System.out.println("mvlab engine host: " + FileSandbox.apply(FileSandbox.rules(Path.of(args[1]),
                    config.getParent(), Path.of(args[0]))));
        }
        List<String> argv = argv(Path.of(args[1]), config);
        System.out.println("mvlab engine host: starting clickhouse-local, data in " + args[1]);
        Pointer result = chdb.chdb_query_cmdline(argv.size(), argv.toArray(String[]::new));
        String error = result == null ? null : chdb.chdb_result_error(result);
        ENDED.countDown();
        if (error != null && !error.isBlank() && !error.contains("QUERY_WAS_CANCELLED")) {
            System.err.println("mvlab engine host: clickhouse-local ended with an error: " + error.strip());
            System.exit(1);
        }
        System.out.println("mvlab engine host: clickhouse-local ended");
        System.exit(0);
    }

    /** On SIGTERM: end the keep-alive query through the private door, then wait for clickhouse-local to finish. */
    private static void stopOnSignal(Path config) {
        if (ENDED.getCount() == 0) {
            return;
        }
        try {
            int port = Integer.parseInt(Files.readString(config.resolveSibling(PORTS_FILE)).strip().split("\t")[0]);
            ChdbDoorCalls.endKeepAlive(port, secretOf(config), Duration.ofSeconds(5));
            ENDED.await(20, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            System.err.println("mvlab engine host: clean stop on SIGTERM failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String secretOf(Path config) throws IOException {
        String xml = Files.readString(config);
        String open = "<" + ChdbConfig.SECRET_HEADER + ">";
        int start = xml.indexOf(open) + open.length();
        return xml.substring(start, xml.indexOf("</" + ChdbConfig.SECRET_HEADER + ">", start));
    }

    /** The startup SQL is constant: the ports file is relative to the working folder, nothing user-named is in it. */
    static List<String> argv(Path dataDir, Path config) {
        Integer tcpPort = Integer.getInteger(TCP_PORT_PROPERTY);
        String query = "SYSTEM START LISTEN HTTP; " + (tcpPort == null ? "" : "SYSTEM START LISTEN TCP; ")
                + "INSERT INTO FUNCTION file('" + PORTS_FILE + "', 'TSV', 'http UInt16') "
                + "SELECT getServerPort('http_port') SETTINGS engine_file_truncate_on_insert=1; "
                + "SELECT sleepEachRow(" + KEEP_ALIVE_SLEEP + "), '" + KEEP_ALIVE_MARKER + "' FROM system.numbers "
                + "SETTINGS max_block_size=1, max_execution_time=0 FORMAT Null";
        List<String> argv = new java.util.ArrayList<>(List.of("clickhouse",
                "--config-file=" + config.toAbsolutePath(),
                "--path=" + dataDir.toAbsolutePath() + "/",
                "--listen_host=127.0.0.1",
                "--http_port=0"));
        if (tcpPort != null) {
            argv.add("--tcp_port=" + tcpPort);
        }
        argv.addAll(List.of("--query", query));
        return argv;
    }
}
