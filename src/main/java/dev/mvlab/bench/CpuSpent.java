package dev.mvlab.bench;

/**
 * CPU seconds per million events spent by mvlab's process and by the engine (its relay and chDB) over one phase of
 * a benchmark; {@code engine} is negative when the engine's CPU cannot be read (an engine not on this machine). Of
 * mvlab's: its API's request threads, its group-commit senders and the load client (each -1 when unknown); the rest
 * is the generator, the JIT compiler, the garbage collector and the like.
 */
public record CpuSpent(double mvlab, double engine, double apiThreads, double senders, double loadClient) {
    private static final CpuClock API = CpuClock.threadsNamed("mvlab-serve");
    private static final CpuClock SENDERS = CpuClock.threadsNamed("mvlab-ingest");
    /** The load client's threads: those that end with its run are not counted (see {@link #withLoadClient}). */
    private static final CpuClock LOAD = CpuClock.threadsNamed("mvlab-load");

    /** Counts from its creation: {@link #stop} gives the CPU spent since. */
    static final class Meter {
        private final CpuClock[] clocks;
        private final long[] start;

        Meter(CpuClock engineClock) {
            this.clocks = new CpuClock[]{CpuClock.thisProcess(), engineClock, API, SENDERS, LOAD};
            this.start = read(clocks);
        }

        private static long[] read(CpuClock[] clocks) {
            long[] now = new long[clocks.length];
            for (int i = 0; i < clocks.length; i++) {
                now[i] = clocks[i].nanos();
            }
            return now;
        }

        /** The CPU spent since this meter was made, per million of {@code events}. */
        CpuSpent stop(long events) {
            long[] now = read(clocks);
            double[] spent = new double[clocks.length];
            for (int i = 0; i < clocks.length; i++) {
                spent[i] = start[i] < 0 || now[i] < 0 ? -1 : (now[i] - start[i]) / 1e9 * 1e6 / Math.max(1, events);
            }
            return new CpuSpent(spent[0], spent[1], spent[2], spent[3], spent[4]);
        }
    }

    /** The same with the load client's CPU as it measured it ({@code seconds} for {@code events}). */
    CpuSpent withLoadClient(double seconds, long events) {
        return new CpuSpent(mvlab, engine, apiThreads, senders, seconds * 1e6 / Math.max(1, events));
    }

    /** mvlab's and the engine's CPU per million events together (what is known of them). */
    public double total() {
        return Math.max(0, mvlab) + Math.max(0, engine);
    }

    /** mvlab's CPU outside its API threads, senders and load client. */
    public double rest() {
        return mvlab - Math.max(0, apiThreads) - Math.max(0, senders) - Math.max(0, loadClient);
    }
}
