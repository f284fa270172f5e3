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

/**
 * Loads a Tinybird project folder, Classic or Forward (see {@link ProjectFiles} for which files): data sources,
 * then pipes, in path order, then connections and tests; validates what spans files.
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
        List<Warning> warnings = new ArrayList<>();
        ProjectFiles files = ProjectFiles.find(root, warnings);
        if (files.isEmpty()) {
            throw new MvlabException(ExitCode.DATAFILE, "not a project folder: " + projectDir
                    + " has no datafiles in " + String.join("/, ", ProjectFiles.FOLDERS.stream().sorted().toList())
                    + "/", "pass the folder that holds datasources/ and pipes/ (or Forward's endpoints/, ...)");
        }
        Map<Path, Source> sources = new HashMap<>();
        DatafileReader reader = new DatafileReader(root);
        IncludeExpander includes = new IncludeExpander((line, column, path) -> {
            Source included = reader.include(line, column, path, root.resolve(path));
            sources.put(path, included);
            return included;
        });
        List<DatafileException> errors = new ArrayList<>();
        List<DataSource> datasources = new ArrayList<>();
        for (ProjectFiles.Found file : files.datasources) {
            parse(errors, warnings, () -> datasources.add(shared(DatasourceParser.parse(
                    read(reader, root, file.path(), sources), includes, warnings), file.sharedBy())));
        }
        List<Pipe> pipes = new ArrayList<>();
        for (ProjectFiles.Found file : files.pipes) {
            parse(errors, warnings, () -> pipes.add(PipeParser.parse(read(reader, root, file.path(), sources),
                    includes, warnings)));
        }
        for (ProjectFiles.Found file : files.connections) {
            parse(errors, warnings, () -> ConnectionParser.parse(read(reader, root, file.path(), sources), warnings));
        }
        TestFiles.read(root, files.tests, warnings);
        if (!errors.isEmpty()) {
            throw DatafileException.combine(errors);
        }
        ProjectValidator validator = new ProjectValidator(sources);
        List<Pipe> distinct = validator.distinctPipes(pipes, warnings);
        List<DataSource> all = validator.validate(datasources, distinct, warnings);
        warnings.sort(Comparator.comparing((Warning w) -> w.location().file().toString())
                .thenComparingInt(w -> w.location().line()));
        return new Project(root, all, distinct, List.copyOf(warnings));
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

    /** A data source shared by another workspace is read as {@code Workspace.name}. */
    private static DataSource shared(DataSource ds, String workspace) {
        if (workspace == null) {
            return ds;
        }
        return new DataSource(workspace + "." + ds.name(), ds.description(), ds.columns(), ds.engine(), ds.indexes(),
                ds.tags(), ds.tokens(), ds.sharedWith(), ds.location());
    }
}
