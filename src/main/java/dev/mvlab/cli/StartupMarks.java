package dev.mvlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's start-up goes: with {@code MVLAB_STARTUP_MARKS=1} each {@link #mark} notes the milliseconds since
 * the JVM started, and {@link #print} writes them to stderr when the command ends. Off, a mark costs one check.
 */
final class StartupMarks {
    private static final boolean ON = "1".equals(System.getenv("MVLAB_STARTUP_MARKS"));
    private static final List<String> MARKS = ON ? new ArrayList<>() : List.of();

    private StartupMarks() {
    }

    static void mark(String what) {
        if (ON) {
            long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                    .orElse(System.currentTimeMillis());
            MARKS.add(String.format(Locale.ROOT, "%6d ms  %s", System.currentTimeMillis() - started, what));
        }
    }

    static void print(PrintWriter err) {
        if (ON) {
            mark("end");
            MARKS.forEach(line -> err.println("mvlab: start-up: " + line));
            err.flush();
        }
    }
}
