package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.render.Plan;
import dev.mvlab.render.PlanFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a plan as numbered files ({@link PlanFiles}) into a folder, replacing its old numbered files. */
final class SqlFiles {
    private SqlFiles() {
    }

    static List<Path> write(Plan plan, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(f -> f.getFileName().toString().matches("\\d+_.*\\.sql")).toList()) {
                    Files.delete(file);
                }
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, String> file : PlanFiles.of(plan).entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.writeString(path, file.getValue());
                written.add(path);
            }
            return written;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write SQL files to " + dir + ": " + e.getMessage());
        }
    }
}
