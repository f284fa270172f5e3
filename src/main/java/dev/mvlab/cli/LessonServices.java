package dev.mvlab.cli;

import dev.mvlab.engine.EngineSettings;
import dev.mvlab.generate.Progress;
import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.lesson.GeneratorEventSource;
import dev.mvlab.lesson.ProjectDeployer;
import dev.mvlab.lesson.Unavailable;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.verify.Verifier;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the lesson runner with the services behind its {@code apply}, {@code drop} and {@code generate*} steps, and
 * the local cluster of lessons with {@code cluster:} ({@link LocalClusterLessons}).
 * This is the one place that wires the deploy service ({@link ProjectDeployer}) and the event generator
 * ({@link GeneratorEventSource}) in, over the project's datafiles and its {@code .mvlab/generate} checkpoints. A
 * folder without datafiles runs lessons of sql, query, insert, optimize, verify, note and pause steps only.
 */
final class LessonServices {
    private LessonServices() {
    }

    static LessonRunner runner(Path project, EngineSettings engine) {
        return runner(project, engine, Progress.Listener.NONE);
    }

    /**
     * @param engine   the engine folder whose local cluster runs the lessons with {@code cluster:}
     * @param progress hears the progress of generate steps
     */
    static LessonRunner runner(Path project, EngineSettings engine, Progress.Listener progress) {
        LocalClusterLessons cluster = new LocalClusterLessons(engine, null);
        if (!Files.isDirectory(project.resolve("datasources")) && !Files.isDirectory(project.resolve("pipes"))) {
            Unavailable none = Unavailable.noDatafiles(project);
            return new LessonRunner(none, none, new Verifier(), cluster);
        }
        Project loaded = ProjectLoader.load(project);
        ProjectDeployer deployer = new ProjectDeployer(loaded, new SqlRenderer(new SqlTemplates(null)));
        GeneratorEventSource events = new GeneratorEventSource(loaded, project.resolve(".mvlab").resolve("generate"),
                progress);
        return new LessonRunner(deployer, events, new Verifier(), cluster);
    }
}
