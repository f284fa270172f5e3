package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the datafiles of a project, Classic or Forward: {@code .datasource}, {@code .pipe} and {@code .connection}
 * files in any Tinybird folder ({@code datasources/}, {@code pipes/}, {@code endpoints/}, {@code materializations/},
 * {@code copies/}, {@code sinks/}, {@code connections/}), at the top or one level down (e.g.
 * {@code web_vitals/endpoints/}), and in folders inside them; data
 * sources shared by another workspace in {@code vendor/<workspace>/datasources/}; and {@code tests/*.yaml}. Nothing is
 * skipped silently: a datafile elsewhere, a folder named like a datafile, a dangling link or an upper-case extension
 * each gets a warning with its path.
 */
final class ProjectFiles {
    static final Set<String> FOLDERS = Set.of("datasources", "pipes", "endpoints", "materializations", "copies",
            "sinks", "connections");
    private static final Set<String> EXTENSIONS = Set.of(".datasource", ".pipe", ".connection");
    private static final Set<String> NOT_PROJECT = Set.of("node_modules", "target", "fixtures", "scripts");

    /** A datafile found: its path (absolute) and, for a vendored data source, the workspace sharing it. */
    record Found(Path path, String sharedBy) {
    }

    final List<Found> datasources = new ArrayList<>();
    final List<Found> pipes = new ArrayList<>();
    final List<Found> connections = new ArrayList<>();
    final List<Path> tests = new ArrayList<>();

    private final Path root;
    private final List<Warning> warnings;

    private ProjectFiles(Path root, List<Warning> warnings) {
        this.root = root;
        this.warnings = warnings;
    }

    static ProjectFiles find(Path root, List<Warning> warnings) {
        ProjectFiles files = new ProjectFiles(root, warnings);
        try {
            Files.walkFileTree(root, files.visitor());
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, "cannot list " + root + ": " + e.getMessage(), null, e);
        }
        files.datasources.sort((a, b) -> a.path().compareTo(b.path()));
        files.pipes.sort((a, b) -> a.path().compareTo(b.path()));
        files.connections.sort((a, b) -> a.path().compareTo(b.path()));
        files.tests.sort(Path::compareTo);
        return files;
    }

    boolean isEmpty() {
        return datasources.isEmpty() && pipes.isEmpty() && connections.isEmpty();
    }

    private SimpleFileVisitor<Path> visitor() {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.startsWith(".") || NOT_PROJECT.contains(name))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(root) && !mayHoldDatafiles(root.relativize(dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(root) && extension(name) != null) {
                    warn(dir, "`" + relative(dir) + "` is a folder, not a datafile: skipped");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                visit(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                warn(file, "cannot read `" + relative(file) + "`: " + e.getMessage() + "; skipped");
                return FileVisitResult.CONTINUE;
            }
        };
    }

    private void visit(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (inFolder(file, "tests") && (lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
            tests.add(file);
            return;
        }
        String extension = extension(name);
        if (extension == null) {
            String wrongCase = EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse(null);
            if (wrongCase != null) {
                warn(file, "`" + relative(file) + "` is skipped: datafile extensions are lower case (rename it to "
                        + name.substring(0, name.length() - wrongCase.length()) + wrongCase + ")");
            }
            return;
        }
        if (!Files.exists(file)) {
            warn(file, "`" + relative(file) + "` is a link to nothing: skipped");
            return;
        }
        if (!Files.isRegularFile(file)) {
            warn(file, "`" + relative(file) + "` is not a regular file: skipped");
            return;
        }
        String sharedBy = vendorWorkspace(file);
        if (sharedBy == null && !inTinybirdFolder(file)) {
            warn(file, "`" + relative(file) + "` is not in a Tinybird folder (" + String.join("/, ",
                    FOLDERS.stream().sorted().toList()) + "/): skipped, as Tinybird does");
            return;
        }
        switch (extension) {
            case ".datasource" -> datasources.add(new Found(file, sharedBy));
            case ".pipe" -> pipes.add(new Found(file, null));
            default -> connections.add(new Found(file, null));
        }
    }

    /**
     * Tinybird folders sit at the top or one level down ({@code web_vitals/endpoints/}); deeper folders are read only
     * inside one of them (or inside {@code vendor/}), so the source tree of a repository that holds a project is not
     * searched.
     */
    private static boolean mayHoldDatafiles(Path relativeDir) {
        if (relativeDir.getNameCount() < 2) {
            return true;
        }
        for (int i = 0; i < relativeDir.getNameCount(); i++) {
            String part = relativeDir.getName(i).toString();
            if (FOLDERS.contains(part) || i == 0 && (part.equals("vendor") || part.equals("tests"))) {
                return true;
            }
        }
        return false;
    }

    private boolean inTinybirdFolder(Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (FOLDERS.contains(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private boolean inFolder(Path file, String folder) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals(folder)) {
                return true;
            }
        }
        return false;
    }

    /** {@code vendor/<workspace>/datasources/x.datasource}: the workspace; else null. */
    private String vendorWorkspace(Path file) {
        Path relative = root.relativize(file);
        int n = relative.getNameCount();
        if (n == 4 && relative.getName(0).toString().equals("vendor")
                && relative.getName(2).toString().equals("datasources")) {
            return relative.getName(1).toString();
        }
        return null;
    }

    private static String extension(String name) {
        return EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
    }

    private Path relative(Path path) {
        return root.relativize(path);
    }

    private void warn(Path path, String message) {
        warnings.add(new Warning(new SourceLocation(relative(path), 1, 1), message, WarningKind.SKIPPED));
    }
}
