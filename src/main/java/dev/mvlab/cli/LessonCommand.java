package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonCatalog;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.lesson.RunOptions;
import dev.mvlab.report.PageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mvlab lesson list|show|run}: the numbered lessons of {@code lessons/}. */
@Command(name = "lesson", description = "List, show and run the lessons of lessons/NN-slug/.",
        subcommands = {LessonCommand.ListLessons.class, LessonCommand.Show.class, LessonCommand.Run.class})
final class LessonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Number, title and summary of every lesson.")
    static final class ListLessons implements Runnable {
        @Mixin
        ProjectOption project;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            LessonPrinter.list(spec.commandLine().getOut(), new LessonCatalog(project.dir()).all());
        }
    }

    @Command(name = "show", description = "A lesson's overview, then each step's narrative and SQL, without running it.")
    static final class Show implements Runnable {
        @Mixin
        ProjectOption project;
        @Parameters(paramLabel = "N", description = "The lesson number.")
        int number;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            new LessonPrinter(spec.commandLine().getOut(), false, Terminal.colour(), true).show(new LessonCatalog(project.dir()).get(number));
        }
    }

    @Command(name = "run", description = {"Run a lesson on a fresh database lesson_NN, step by step.",
            "A lesson whose manifest says `cluster:` runs on mvlab's local cluster: started when none runs (and "
                    + "stopped at the end), else the running one, its database reset on every node.",
            "Exits 1 when a verdict differs from what the lesson expects."})
    static final class Run implements Callable<Integer> {
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "N", description = "The lesson number.")
        int number;
        @Option(names = "--events", paramLabel = "N", description = "Events per generate step that gives no count.")
        Long events;
        @Option(names = "--seed", paramLabel = "S", description = "The lesson's random seed.")
        Long seed;
        @Option(names = "--step", description = "Wait for Enter before each step runs, its narrative on screen "
                + "(when stdin is a terminal).")
        boolean step;
        @Option(names = {"-v", "--verbose"}, description = "Show every statement apply steps run (default: a list "
                + "of what they create and the SQL of the views the step names).")
        boolean verbose;
        @Option(names = "--html", paramLabel = "FILE", description = "Also write the run as one self-contained HTML "
                + "page: narrative, SQL, results, verdicts, lineage and charts.")
        Path html;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Lesson lesson = new LessonCatalog(engine.project()).get(number);
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
            LessonRunner runner = LessonServices.runner(engine.project(), engine.settings(), progress);
            runner.validate(lesson);
            LessonPrinter printer = new LessonPrinter(spec.commandLine().getOut(), Terminal.interactive(),
                    Terminal.colour(), verbose).clearing(progress);
            LessonResult result;
            long bytes = 0;
            RunOptions options = new RunOptions(events, seed, step, null);
            try {
                if (lesson.cluster() != null) {
                    // its database is on every node of the local cluster: the engine is not needed
                    result = runner.run(lesson, null, options, printer);
                    bytes = html == null ? 0 : PageFiles.lesson(result, null, html);
                } else {
                    try (Database server = engine.connect(spec.commandLine().getErr(), "default")) {
                        result = runner.run(lesson, server, options, printer);
                        bytes = html == null ? 0 : PageFiles.lesson(result, server, html);
                    }
                }
            } finally {
                progress.close();
            }
            printer.summary(result);
            if (html != null) {
                spec.commandLine().getOut().println("Page: " + html + " (" + bytes / 1024 + " KiB)");
            }
            return result.asExpected() ? ExitCode.OK.code() : ExitCode.VERDICT.code();
        }
    }
}
