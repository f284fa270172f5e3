package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which project folders used which database of the user's engine ({@code projects.tsv}: database TAB folder). */
final class ProjectRegistry {
    private ProjectRegistry() {
    }

    static void note(Path file, Path projectDir, String database) {
        String line = database + "\t" + projectDir.toAbsolutePath().normalize();
        if (line.contains("\n") || read(file).getOrDefault(database, Set.of()).contains(
                projectDir.toAbsolutePath().normalize().toString())) {
            return;
        }
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only a hint for 'engine status'
        }
    }

    /** Database name to the project folders that used it. */
    static Map<String, Set<String>> read(Path file) {
        Map<String, Set<String>> projects = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        projects.computeIfAbsent(line.substring(0, tab), k -> new LinkedHashSet<>())
                                .add(line.substring(tab + 1));
                    }
                }
            }
        } catch (IOException ignored) {
            // no hint then
        }
        return projects;
    }

    static List<String> describe(Path file, List<String> databases) {
        Map<String, Set<String>> projects = read(file);
        return databases.stream().map(db -> projects.containsKey(db)
                ? db + "  (" + String.join(", ", projects.get(db)) + ")" : db).toList();
    }
}
