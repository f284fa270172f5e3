package dev.mvlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the repository's project (datafiles, lessons, templates) in a test's own folder, for commands that keep
 * state in their project's {@code .mvlab/} (generate checkpoints): tests write only under {@code target/} or temp.
 */
public final class ProjectCopy {
    private static final List<String> FOLDERS = List.of("datasources", "pipes", "lessons", "sql-templates");

    private ProjectCopy() {
    }

    /** Copies the whole folder {@code from} (a fixture) into {@code to}. */
    public static Path tree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path of(Path repository, Path target) {
        try {
            for (String folder : FOLDERS) {
                Path from = repository.resolve(folder);
                if (!Files.isDirectory(from)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path file : files.toList()) {
                        Path to = target.resolve(repository.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(file, to);
                        }
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
