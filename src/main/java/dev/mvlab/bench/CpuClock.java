package dev.mvlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** Threads of this JVM whose names start with {@code prefix} (those alive now), or -1 when unknown. */
    static CpuClock threadsNamed(String prefix) {
        return () -> {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (!threads.isThreadCpuTimeSupported()) {
                return -1;
            }
            long total = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(prefix)) {
                    total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return total;
        };
    }

    /**
     * Another process on this Linux machine and its descendants (the engine's relay runs chDB as a child process),
     * from {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/children} (clock ticks of 10 ms).
     */
    static CpuClock linuxProcess(long pid) {
        return () -> {
            try {
                return processTree(pid) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }

    /**
     * Another process on this Linux machine alone, without its children (the embedded engine's relay, whose child is
     * chDB's process), from {@code /proc/<pid>/stat}.
     */
    static CpuClock linuxProcessAlone(long pid) {
        return () -> {
            try {
                return ownTicks(Path.of("/proc", Long.toString(pid)), false) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        };
    }

    /** utime + stime of the process, and with {@code children} cutime + cstime (its children that ended). */
    private static long ownTicks(Path proc, boolean children) throws IOException {
        String text = Files.readString(proc.resolve("stat"));
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return children ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** Clock ticks of the process, of its children that ended, and of its live descendants. */
    private static long processTree(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long ticks = ownTicks(proc, true);
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String children = readOrEmpty(task.resolve("children")).strip();
                for (String child : children.isEmpty() ? new String[0] : children.split(" ")) {
                    try {
                        ticks += processTree(Long.parseLong(child));
                    } catch (IOException e) {
                        // the child ended meanwhile
                    }
                }
            }
        }
        return ticks;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the thread ended, or the kernel does not list children
        }
    }
}
