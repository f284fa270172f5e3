package dev.mvlab.generate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time used so far by a process, for cost figures that a busy machine does not distort as much as rates. */
@FunctionalInterface
public interface CpuClock {
    /** Nanoseconds of CPU (user + system) so far, or -1 when unknown. */
    long nanos();

    CpuClock UNKNOWN = () -> -1;

    /** This JVM. */
    static CpuClock thisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return UNKNOWN;
    }

    /** Another process on this Linux machine, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    static CpuClock linuxProcess(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return () -> {
            try {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                // after the command: state(0) ppid(1) ... utime(11) stime(12)
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }
}
