package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.verify.Verifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a lesson: resets its database ({@code lesson_NN}, dropped and created again), runs the steps in order and
 * tells a {@link LessonListener} what each shows as it happens. Verdicts that differ from the lesson's expectation
 * do not stop the run; they make {@link LessonResult#asExpected()} false. A failing step stops the run with an
 * error naming the manifest line, the step and the SQL.
 */
public final class LessonRunner {
    private final Deployer deployer;
    private final EventSource events;
    private final Verifier verifier;
    private final LessonCluster cluster;

    public LessonRunner(Deployer deployer, EventSource events, Verifier verifier) {
        this(deployer, events, verifier, Unavailable.noCluster());
    }

    /** @param cluster the local cluster lessons with {@code cluster:} run on */
    public LessonRunner(Deployer deployer, EventSource events, Verifier verifier, LessonCluster cluster) {
        this.deployer = deployer;
        this.events = events;
        this.verifier = verifier;
        this.cluster = cluster;
    }

    /**
     * Fails before anything runs when the lesson needs a service this runner lacks or names datafiles the project
     * does not define.
     */
    public void validate(Lesson lesson) {
        if (lesson.steps().stream().anyMatch(step -> step.kind().deploys())) {
            List<String> unknown = deployer.unknownNames(lesson.datafiles());
            if (!unknown.isEmpty()) {
                throw new MvlabException(ExitCode.DATAFILE, lesson.manifest() + ": datafiles the project does not "
                        + "define: " + String.join(", ", unknown),
                        "datafiles are names of datasources/*.datasource and pipes/*.pipe files");
            }
        }
        if (lesson.steps().stream().anyMatch(step -> step.kind().generates())) {
            events.ready();
        }
    }

    static final String STEP_PROMPT = "Press Enter to run this step";

    /**
     * @param server any database on the engine; the lesson's own database is created through it. A lesson with
     *               {@code cluster:} does not use it (it may be null): its database is reset on every node of the
     *               local cluster, started when none runs and then stopped when the lesson ends.
     */
    public LessonResult run(Lesson lesson, Database server, RunOptions options, LessonListener listener) {
        validate(lesson);
        String name = options.database() != null ? options.database() : lesson.database();
        if (lesson.cluster() != null) {
            try (ClusterSession session = ClusterSession.open(cluster, lesson.cluster(), name)) {
                StepContext context = new StepContext(lesson, session.db(lesson.cluster().firstNode()), deployer,
                        events, verifier, options, listener);
                context.cluster(session);
                return runSteps(lesson, name, context, listener, options);
            }
        }
        server.dropDatabase(name);
        server.createDatabase(name);
        try (Database db = server.use(name)) {
            StepContext context = new StepContext(lesson, db, deployer, events, verifier, options, listener);
            return runSteps(lesson, name, context, listener, options);
        }
    }

    private LessonResult runSteps(Lesson lesson, String name, StepContext context, LessonListener listener,
                                  RunOptions options) {
        listener.lessonStarted(lesson, name);
        List<StepOutcome> outcomes = new ArrayList<>();
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            outcomes.add(runStep(step, i + 1, steps.size(), context, listener, options.stepMode()));
        }
        return new LessonResult(lesson, name, outcomes, context.verdicts());
    }

    /** With {@code stepMode} the run waits before each step runs, once its title and narrative are on screen. */
    private StepOutcome runStep(Step step, int number, int total, StepContext context, LessonListener listener,
                                boolean stepMode) {
        context.begin(number, step.info().location());
        listener.stepStarted(number, total, step);
        if (context.cluster() != null) {
            List<String> restarted = context.cluster().settle();
            if (!restarted.isEmpty()) {
                context.emit(new StepOutput.Info(String.join(", ", restarted) + " had stopped (its chDB died, which "
                        + "this build of chDB sometimes does on a node that receives from another) and was started "
                        + "again on its data; it answers again"));
            }
        }
        if (step.info().say() != null) {
            context.emit(new StepOutput.Narrative(step.narrative(context.defaultEvents())));
        }
        if (stepMode && !(step instanceof PauseStep)) {
            listener.awaitContinue(STEP_PROMPT);
        }
        long start = System.nanoTime();
        try {
            step.run(context);
        } catch (DatabaseException e) {
            throw new DatabaseException(where(context, number, step) + e.getMessage(), e.sql(), e);
        } catch (MvlabException e) {
            throw new MvlabException(e.exitCode(), where(context, number, step) + e.getMessage(), e.hint(), e);
        }
        StepOutcome outcome = new StepOutcome(number, step.kind(), step.info(), context.outputs(),
                Duration.ofNanos(System.nanoTime() - start));
        listener.stepFinished(outcome);
        return outcome;
    }

    private static String where(StepContext context, int number, Step step) {
        return context.location() + ": step " + number + " (" + step.kind() + "): ";
    }
}
