package dev.mvlab.lesson;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The lessons of a project: folders {@code lessons/NN-slug/} holding a {@code lesson.yaml}, in number order. */
public final class LessonCatalog {
    public static final String FOLDER = "lessons";
    private static final Pattern LESSON_DIR = Pattern.compile("(\\d{1,3})-([a-z0-9][a-z0-9-]*)");

    private final Path projectRoot;
    private List<Check> projectChecks;

    public LessonCatalog(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    /** Every lesson, each read and validated. */
    public List<Lesson> all() {
        List<Lesson> lessons = new ArrayList<>();
        folders().forEach((number, dir) -> lessons.add(read(number, dir)));
        return lessons;
    }

    public Lesson get(int number) {
        Map<Integer, Path> folders = folders();
        Path dir = folders.get(number);
        if (dir == null) {
            throw new MvlabException(ExitCode.USAGE, "no lesson " + number + " in " + folder() + "/",
                    folders.isEmpty() ? "add a folder " + FOLDER + "/NN-slug/ with a lesson.yaml"
                            : "lessons: " + String.join(", ", folders.keySet().stream().map(String::valueOf).toList())
                            + " (mvlab lesson list)");
        }
        return read(number, dir);
    }

    private Lesson read(int number, Path dir) {
        Matcher m = LESSON_DIR.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException(dir.toString());
        }
        return ManifestReader.read(dir, number, m.group(2), projectChecks());
    }

    private List<Check> projectChecks() {
        if (projectChecks == null) {
            projectChecks = CheckFileReader.readProject(projectRoot);
        }
        return projectChecks;
    }

    private Path folder() {
        return projectRoot.resolve(FOLDER).normalize();
    }

    private Map<Integer, Path> folders() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            throw new MvlabException(ExitCode.USAGE, "no lessons folder at " + folder.toAbsolutePath(),
                    "run mvlab in the project folder, or pass --project");
        }
        Map<Integer, Path> folders = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
                Matcher m = LESSON_DIR.matcher(dir.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                Path earlier = folders.putIfAbsent(Integer.parseInt(m.group(1)), dir);
                if (earlier != null) {
                    throw new MvlabException(ExitCode.DATAFILE, dir + ": lesson number " + Integer.parseInt(m.group(1))
                            + " is also used by " + earlier, "give each lesson folder its own number");
                }
            }
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, folder + ": cannot list: " + e.getMessage());
        }
        return folders;
    }
}
