package dev.mvlab.engine.host;

/**
 * Test aid ({@code -Dmvlab.host.churn=true}): keeps the engine host's garbage collector and implicit null checks busy
 * while ClickHouse runs in-process, the conditions under which a JVM without
 * {@code chdb_set_signal_handlers_enabled(false)} dies with SIGSEGV.
 */
final class HostChurn {
    private HostChurn() {
    }

    static void start() {
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
}
