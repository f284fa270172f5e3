package dev.mvlab.engine.host;

import java.util.function.Consumer;

/**
 * Ends this process when the process that owns it is gone: the supervisor's owner (a test run) or chDB's JVM's
 * supervisor. Checked every second on a daemon thread; the exit runs the shutdown hooks, so the stop is clean.
 */
final class OwnerWatch {
    private OwnerWatch() {
    }

    static void start(long ownerPid, Consumer<String> log) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            log.accept("owner process " + ownerPid + " is gone; stopping");
            System.exit(0);
        }, "owner-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
