package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.render.Statement;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throwaway database named {@code mvlab_shadow_<epoch seconds>_<host>_<pid>_<random>}: statements are tried there to
 * validate them, or to see how the server normalises them, and the database is dropped on close. It never touches the
 * user's database.
 * <p>
 * An interrupted run (Ctrl-C, SIGTERM) drops its shadow from a shutdown hook. A run killed outright leaves it behind;
 * the next run drops shadows that are stale: made by a process of this machine that is gone, older than
 * {@link #STALE_AFTER}, or named the way older versions named them (no time in the name).
 */
final class Shadow implements AutoCloseable {
    static final String PREFIX = "mvlab_shadow_";
    static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX)
            + "(?:(\\d+)_([0-9a-f]{6})_(\\d+)_)?[0-9a-f]+");
    static final String HOST = host();

    private final Database server;
    private final String name;
    private volatile Database db;
    private final Thread dropOnExit;

    private Shadow(Database server, String name) {
        this.server = server;
        this.name = name;
        this.dropOnExit = new Thread(this::dropOnInterrupt, "mvlab-drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        try {
            server.createDatabase(name);
            this.db = server.use(name);
        } catch (RuntimeException e) {
            forgetHook();
            dropQuietly();
            throw e;
        }
    }

    static Shadow create(Database server) {
        try {
            dropStale(server, Instant.now());
        } catch (DatabaseException e) {
            // a server that does not let us list databases: nothing to clean up that we could see
        }
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new Shadow(server, PREFIX + Instant.now().getEpochSecond() + "_" + HOST + "_"
                + ProcessHandle.current().pid() + "_" + random);
    }

    /** Drops the stale shadow databases of earlier runs; returns their names. */
    static List<String> dropStale(Database server, Instant now) {
        List<String> stale = dev.mvlab.clickhouse.ServerCatalog.of(server).databasesStartingWith(PREFIX).stream()
                .filter(n -> isStale(n, now)).toList();
        for (String old : stale) {
            try {
                server.dropDatabase(old);
            } catch (DatabaseException e) {
                // another run dropped it first, or the server refuses: it will be tried again next time
            }
        }
        return stale;
    }

    static boolean isStale(String name, Instant now) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return false; // not one of ours
        }
        if (m.group(1) == null) {
            return true; // the name older versions gave, without a time
        }
        Instant created = Instant.ofEpochSecond(Long.parseLong(m.group(1)));
        boolean gone = m.group(2).equals(HOST) && processGone(Long.parseLong(m.group(3)));
        return gone || created.plus(STALE_AFTER).isBefore(now);
    }

    private static boolean processGone(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive();
    }

    /** Six hex digits naming this machine, so that a pid is only judged on the machine that wrote it. */
    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return String.format("%06x", name.hashCode() & 0xFFFFFF);
    }

    String name() {
        return name;
    }

    Database db() {
        return db;
    }

    /** Runs a statement; a refusal names the datafile position the statement came from. */
    void execute(Statement statement) {
        try {
            db.execute(statement.sql());
        } catch (DatabaseException e) {
            throw Failures.at(statement, e);
        }
    }

    /** The shadow's objects, with the shadow's name replaced by {@code database} in their create queries. */
    Map<String, ServerObject> catalog(String database) {
        return Catalog.read(server, name, database);
    }

    @Override
    public void close() {
        forgetHook();
        try {
            db.close();
        } finally {
            server.dropDatabase(name);
        }
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }

    /**
     * The shutdown hook: the run's main thread goes on issuing statements in the shadow while the JVM exits, and a DROP
     * beside a CREATE TABLE in flight can be refused. So the shadow's own pool is closed first (no new statement can
     * start in it, one in flight is cut), then the drop is tried until it holds or a deadline passes. Best effort
     * while exiting: the next run drops a shadow left behind as stale.
     */
    private void dropOnInterrupt() {
        Database own = db;
        if (own != null) {
            try {
                own.close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
        dropQuietly();
    }

    private void dropQuietly() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        do {
            try {
                server.dropDatabase(name);
                if (!dev.mvlab.clickhouse.ServerCatalog.of(server).databaseExists(name)) {
                    return;
                }
            } catch (RuntimeException e) {
                // refused or unreachable: try again shortly
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < deadline);
    }
}
