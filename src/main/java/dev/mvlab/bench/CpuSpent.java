package dev.mvlab.bench;

/**
 * CPU seconds per million events spent by mvlab's process and by the engine (its relay and chDB) over one phase of
 * a benchmark; {@code engine} is negative when the engine's CPU cannot be read (an engine not on this machine).
 */
public record CpuSpent(double mvlab, double engine) {

    /** Counts from its creation: {@link #stop} gives the CPU spent since. */
    static final class Meter {
        private final CpuClock engineClock;
        private final long mvlabStart;
        private final long engineStart;

        Meter(CpuClock engineClock) {
            this.engineClock = engineClock;
            this.mvlabStart = CpuClock.thisProcess().nanos();
            this.engineStart = engineClock.nanos();
        }

        /** The CPU spent since this meter was made, per million of {@code events}. */
        CpuSpent stop(long events) {
            long mvlabNow = CpuClock.thisProcess().nanos();
            long engineNow = engineClock.nanos();
            double perMillion = 1e6 / Math.max(1, events) / 1e9;
            return new CpuSpent(mvlabStart < 0 || mvlabNow < 0 ? -1 : (mvlabNow - mvlabStart) * perMillion,
                    engineStart < 0 || engineNow < 0 ? -1 : (engineNow - engineStart) * perMillion);
        }
    }

    /** mvlab's and the engine's CPU per million events together (what is known of them). */
    public double total() {
        return Math.max(0, mvlab) + Math.max(0, engine);
    }
}
