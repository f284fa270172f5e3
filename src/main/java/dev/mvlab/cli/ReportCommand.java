package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonCatalog;
import dev.mvlab.lesson.LessonListener;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.lesson.RunOptions;
import dev.mvlab.report.PageFiles;
import dev.mvlab.report.ReportIndex;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mvlab report}: self-contained HTML pages. {@code --lessons} runs every lesson and writes one page each and
 * an index; otherwise one page for the project (lineage, every object's SQL, its checks on {@code --database}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Write HTML pages: the project's lineage, SQL and check results, or (--lessons) every lesson run.",
        "Exits 1 when a verdict differs from what was expected."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Option(names = "--lessons", description = "Run every lesson (each on its own database lesson_NN) and write "
            + "build/report/lesson-NN.html and index.html.")
    boolean lessons;

    @Option(names = "--out", paramLabel = "PATH", description = "The folder for --lessons (default build/report), "
            + "else the page (default build/report/project.html).")
    Path out;

    @Mixin
    DatabaseOption database;

    @Option(names = "--events", paramLabel = "N", description = "With --lessons: events per generate step that "
            + "gives no count.")
    Long events;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return lessons ? lessons(out) : project(out);
    }

    private int project(PrintWriter out) {
        Path file = this.out != null ? this.out : Path.of("build", "report", "project.html");
        ProjectGraph graph = RenderingOptions.graph(engine.project(), spec.commandLine().getErr());
        List<Check> checks = Files.isDirectory(engine.project().resolve(CheckFileReader.FOLDER))
                ? CheckFileReader.readProject(engine.project()) : List.of();
        String title = engine.project().toAbsolutePath().normalize().getFileName().toString();
        PageFiles.ProjectPageFile page;
        try (Database db = database.connect(engine, spec.commandLine().getErr())) {
            page = PageFiles.project(title, graph, rendering.renderer(), checks, db, file);
        }
        out.println((page.unexpected() == 0 ? "All " + checks.size() + " checks as expected. "
                : page.unexpected() + " of " + checks.size() + " checks differ from what was expected or could not "
                + "run. ") + "Page: " + file + " (" + page.bytes() / 1024 + " KiB)");
        return page.unexpected() == 0 ? ExitCode.OK.code() : ExitCode.VERDICT.code();
    }

    private int lessons(PrintWriter out) {
        Path dir = this.out != null ? this.out : Path.of("build", "report");
        LessonRunner runner = LessonServices.runner(engine.project(), engine.settings());
        ReportIndex index = new ReportIndex();
        long start = System.nanoTime();
        try (Database server = engine.connect(spec.commandLine().getErr(), "default")) {
            for (Lesson lesson : new LessonCatalog(engine.project()).all()) {
                LessonResult result = runner.run(lesson, server, new RunOptions(events, null, false, null),
                        LessonListener.NONE);
                String name = String.format(Locale.ROOT, "lesson-%02d.html", lesson.number());
                long bytes = PageFiles.lesson(result, server, dir.resolve(name));
                index.add(result, name, bytes);
                out.printf(Locale.ROOT, "lesson %2d  %-52s %s  %5d KiB%n", lesson.number(), lesson.title(),
                        result.asExpected() ? "all " + result.verdicts().size() + " verdicts as expected"
                                : result.unexpected().size() + " UNEXPECTED", bytes / 1024);
                out.flush();
            }
        }
        PageFiles.index(index, dir.resolve("index.html"));
        long failed = index.entries().stream().filter(e -> !e.result().asExpected()).count();
        out.printf(Locale.ROOT, "Report: %s (%d lessons, %.1f s)%n", dir.resolve("index.html"),
                index.entries().size(), (System.nanoTime() - start) / 1e9);
        return failed == 0 ? ExitCode.OK.code() : ExitCode.VERDICT.code();
    }
}
