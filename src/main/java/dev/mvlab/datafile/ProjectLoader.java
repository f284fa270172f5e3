package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a Tinybird-style project folder: {@code datasources/*.datasource}, then {@code pipes/*.pipe} and
 * {@code endpoints/*.pipe}, in file name order; validates what spans files.
 * <p>
 * Locations in the model and in errors name files relative to the project folder. When files have errors, the
 * first error of each file is reported, all in one {@link DatafileException}; cross-file checks run only when
 * every file parses.
 */
public final class ProjectLoader {
    private ProjectLoader() {
    }

    public static Project load(Path projectDir) {
        Path root = projectDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new MvlabException(ExitCode.DATAFILE, "project folder not found: " + projectDir,
                    "pass the folder that holds datasources/ and pipes/ (--project)");
        }
        if (!Files.isDirectory(root.resolve("datasources")) && !Files.isDirectory(root.resolve("pipes"))) {
            throw new MvlabException(ExitCode.DATAFILE, "not a project folder: " + projectDir
                    + " has neither datasources/ nor pipes/", "pass the folder that holds datasources/ and pipes/");
        }
        Map<Path, Source> sources = new HashMap<>();
        DatafileReader reader = new DatafileReader(root);
        IncludeExpander includes = new IncludeExpander((line, column, path) -> {
            Source included = reader.include(line, column, path, root.resolve(path));
            sources.put(path, included);
            return included;
        });
        List<DatafileException> errors = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<DataSource> datasources = new ArrayList<>();
        for (Path file : list(root, "datasources", ".datasource")) {
            parse(errors, warnings, () -> datasources.add(DatasourceParser.parse(read(reader, root, file, sources),
                    includes, warnings)));
        }
        List<Pipe> pipes = new ArrayList<>();
        for (Path file : Stream.concat(list(root, "pipes", ".pipe").stream(), list(root, "endpoints", ".pipe")
                .stream()).toList()) {
            parse(errors, warnings, () -> pipes.add(PipeParser.parse(read(reader, root, file, sources), includes,
                    warnings)));
        }
        if (!errors.isEmpty()) {
            throw DatafileException.combine(errors);
        }
        List<DataSource> all = new ProjectValidator(sources).validate(datasources, pipes, warnings);
        warnings.sort(Comparator.comparing((Warning w) -> w.location().file().toString())
                .thenComparingInt(w -> w.location().line()));
        return new Project(root, all, List.copyOf(pipes), List.copyOf(warnings));
    }

    private static void parse(List<DatafileException> errors, List<Warning> warnings, Runnable parse) {
        int before = warnings.size();
        try {
            parse.run();
        } catch (DatafileException e) {
            errors.add(e);
            warnings.subList(before, warnings.size()).clear();
        }
    }

    private static Source read(DatafileReader reader, Path root, Path file, Map<Path, Source> sources) {
        Path relative = root.relativize(file);
        Source source = reader.read(relative, file);
        sources.put(relative, source);
        return source;
    }

    private static List<Path> list(Path root, String folder, String extension) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, "cannot list " + dir + ": " + e.getMessage(), null, e);
        }
    }
}
