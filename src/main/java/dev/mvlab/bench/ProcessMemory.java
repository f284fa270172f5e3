package dev.mvlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The memory of a process on this Linux machine, from {@code /proc/<pid>/smaps_rollup}: its resident set (RSS, which
 * counts the pages of {@code libchdb.so} that every node shares) and its private pages (clean + dirty: what the
 * process alone costs).
 *
 * @param rssKb     resident set in kB
 * @param privateKb private resident pages in kB
 */
public record ProcessMemory(long rssKb, long privateKb) {

    /** The memory of {@code pid}, or empty when it cannot be read (another OS, the process ended). */
    public static java.util.Optional<ProcessMemory> of(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
            OptionalLong rss = field(text, "Rss:");
            if (rss.isEmpty()) {
                return java.util.Optional.empty();
            }
            long priv = field(text, "Private_Clean:").orElse(0) + field(text, "Private_Dirty:").orElse(0);
            return java.util.Optional.of(new ProcessMemory(rss.getAsLong(), priv));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static OptionalLong field(String text, String name) {
        for (String line : text.lines().toList()) {
            if (line.startsWith(name)) {
                return OptionalLong.of(Long.parseLong(line.substring(name.length()).strip().split("\\s+")[0]));
            }
        }
        return OptionalLong.empty();
    }
}
