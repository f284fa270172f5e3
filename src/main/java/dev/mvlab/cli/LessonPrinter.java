package dev.mvlab.cli;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.lesson.ApplyOutcome;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonListener;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.LessonVerdict;
import dev.mvlab.lesson.Step;
import dev.mvlab.lesson.StepOutput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a lesson as it runs (it is the run's listener), its final summary, and {@code lesson show}. */
final class LessonPrinter implements LessonListener {
    /** Lines of narrative and remarks are wrapped to fit this many columns. */
    static final int WIDTH = 100;

    private final PrintWriter out;
    private final boolean interactive;
    private final boolean verbose;
    private BufferedReader stdin;
    private ProgressLine progress;

    /** @param interactive wait for Enter at pauses (only when stdin is a terminal) */
    LessonPrinter(PrintWriter out, boolean interactive) {
        this(out, interactive, false, false);
    }

    /**
     * @param colour  paint verdicts ({@link VerdictColours})
     * @param verbose show every statement an apply step runs, not only those of the views it names
     */
    LessonPrinter(PrintWriter out, boolean interactive, boolean colour, boolean verbose) {
        this.out = VerdictColours.wrap(out, colour);
        this.interactive = interactive;
        this.verbose = verbose;
    }

    /** Clears {@code progress} (a generate step's line on stderr) before printing anything. */
    LessonPrinter clearing(ProgressLine progress) {
        this.progress = progress;
        return this;
    }

    private void clearProgress() {
        if (progress != null) {
            progress.close();
        }
    }

    @Override
    public void lessonStarted(Lesson lesson, String database) {
        header(lesson);
        out.println("(database " + database + ", reset)");
        out.flush();
    }

    void header(Lesson lesson) {
        out.println("Lesson " + lesson.number() + ": " + lesson.title());
        TextWrap.lines(lesson.summary(), "", WIDTH).forEach(out::println);
    }

    @Override
    public void stepStarted(int number, int total, Step step) {
        clearProgress();
        out.println();
        out.println("[" + number + "/" + total + "] " + (step.info().title() != null
                ? step.info().title() + " (" + step.kind() + ")" : step.kind()));
        out.flush();
    }

    @Override
    public void output(StepOutput output) {
        clearProgress();
        if (output instanceof StepOutput.Narrative n) {
            TextWrap.lines(n.text(), "  ", WIDTH).forEach(out::println);
            out.println();
        } else if (output instanceof StepOutput.Created c) {
            created(c.objects());
        } else if (output instanceof StepOutput.Sql s) {
            sql(s.sql());
        } else if (output instanceof StepOutput.Rows r) {
            rows(r.result(), r.maxRows());
        } else if (output instanceof StepOutput.Verified v) {
            VerificationPrinter.details(out, v.result(), "  ");
        } else if (output instanceof StepOutput.Refused r) {
            out.println("  refused, as the lesson expects: " + r.message());
        } else if (output instanceof StepOutput.Info i) {
            TextWrap.lines(i.text(), "  ", WIDTH).forEach(out::println);
        }
        out.flush();
    }

    /** One line per created object; then the SQL of the views the step names (of everything, verbosely). */
    private void created(List<ApplyOutcome.Created> objects) {
        int nameWidth = objects.stream().mapToInt(o -> o.object().length()).max().orElse(0);
        int kindWidth = objects.stream().mapToInt(o -> o.kind().length()).max().orElse(0);
        for (ApplyOutcome.Created o : objects) {
            out.println(String.format(Locale.ROOT, "  created %-" + kindWidth + "s  %-" + nameWidth + "s  %s",
                    o.kind(), o.object(), o.source()).stripTrailing());
        }
        for (ApplyOutcome.Created o : objects) {
            if (verbose || o.named()) {
                sql(o.sql());
            }
        }
        if (!verbose && objects.stream().anyMatch(o -> !o.named())) {
            out.println("  (the SQL of the objects it needed as well: --verbose, or " + Launcher.command()
                    + " render NAME)");
        }
    }

    private void sql(String sql) {
        List<String> lines = sql.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? "  sql> " : "       ") + lines.get(i));
        }
    }

    private void rows(QueryResult result, int maxRows) {
        if (result.columns().isEmpty()) {
            out.println("    ok");
            return;
        }
        List<List<Object>> shown = result.rows().subList(0, Math.min(maxRows, result.size()));
        VerificationPrinter.table(out, result.columns(), shown, "    ");
        out.println("    (" + (shown.size() < result.size() ? "first " + shown.size() + " of " : "") + result.size()
                + (result.size() == 1 ? " row)" : " rows)"));
    }

    @Override
    public void awaitContinue(String prompt) {
        if (!interactive) {
            return;
        }
        out.print("  -- " + prompt + " -- ");
        out.flush();
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in));
            }
            stdin.readLine();
        } catch (IOException e) {
            // nothing to wait for
        }
    }

    /** Every verdict against its expectation, and where to look next. */
    void summary(LessonResult result) {
        out.println();
        out.println("Summary of lesson " + result.lesson().number() + " (database " + result.database() + ")");
        if (result.verdicts().isEmpty()) {
            out.println("  this lesson verifies nothing");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (LessonVerdict v : result.verdicts()) {
                rows.add(List.of(v.step(), v.result().check().name(), v.result().expected().name(),
                        v.result().verdict().name(), v.asExpected() ? "ok" : "UNEXPECTED"));
            }
            VerificationPrinter.table(out, List.of("step", "check", "expected", "verdict", "result"), rows, "  ");
            int total = result.verdicts().size();
            out.println(result.asExpected() ? "All " + total + " verdicts as expected."
                    : result.unexpected().size() + " of " + total + " verdicts differ from what the lesson expects.");
        }
        double seconds = result.steps().stream().mapToLong(o -> o.elapsed().toNanos()).sum() / 1e9;
        out.println(String.format(java.util.Locale.ROOT, "%d steps in %.1f s.", result.steps().size(), seconds));
        if (result.lesson().cluster() != null) {
            out.println("Explore: database " + result.database() + " is on every node of the local cluster ("
                    + Launcher.command() + " cluster status lists their HTTP ports; a cluster the lesson started is "
                    + "stopped, its data kept)");
        } else {
            out.println("Explore: " + Launcher.command() + " sql -d " + result.database() + " \"SHOW TABLES\"");
        }
        out.flush();
    }

    /** {@code lesson show}: header, README overview, then each step's narrative and what it will run. */
    void show(Lesson lesson) {
        header(lesson);
        out.println("(folder " + lesson.dir() + ", database " + lesson.database() + ")");
        if (!lesson.readme().isBlank()) {
            out.println();
            MarkdownText.render(lesson.readme(), WIDTH).lines().forEach(out::println);
        }
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            stepStarted(i + 1, steps.size(), step);
            if (step.info().say() != null) {
                output(new StepOutput.Narrative(step.narrative(lesson.generate().events())));
            }
            step.preview().forEach(this::output);
        }
        out.flush();
    }

    /** {@code lesson list}: number, title and summary, one lesson a line. */
    static void list(PrintWriter out, List<Lesson> lessons) {
        int width = lessons.stream().mapToInt(l -> l.title().length()).max().orElse(0);
        for (Lesson lesson : lessons) {
            out.println(String.format("%3d  %-" + width + "s  %s", lesson.number(), lesson.title(),
                    lesson.summary().lines().findFirst().orElse("")).stripTrailing());
        }
    }
}
