package dev.mvlab.cli;

import dev.mvlab.engine.QueryResult;
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

/** Prints a lesson as it runs (it is the run's listener), its final summary, and {@code lesson show}. */
final class LessonPrinter implements LessonListener {
    private final PrintWriter out;
    private final boolean interactive;
    private BufferedReader stdin;

    /** @param interactive wait for Enter at pauses (only when stdin is a terminal) */
    LessonPrinter(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void lessonStarted(Lesson lesson, String database) {
        header(lesson);
        out.println("(database " + database + ", reset)");
        out.flush();
    }

    void header(Lesson lesson) {
        out.println("Lesson " + lesson.number() + ": " + lesson.title());
        out.println(lesson.summary());
    }

    @Override
    public void stepStarted(int number, int total, Step step) {
        out.println();
        out.println("[" + number + "/" + total + "] " + (step.info().title() != null
                ? step.info().title() + " (" + step.kind() + ")" : step.kind()));
        out.flush();
    }

    @Override
    public void output(StepOutput output) {
        if (output instanceof StepOutput.Narrative n) {
            n.text().lines().forEach(line -> out.println(("  " + line).stripTrailing()));
            out.println();
        } else if (output instanceof StepOutput.Sql s) {
            sql(s.sql());
        } else if (output instanceof StepOutput.Rows r) {
            rows(r.result(), r.maxRows());
        } else if (output instanceof StepOutput.Verified v) {
            VerificationPrinter.details(out, v.result(), "  ");
        } else if (output instanceof StepOutput.Refused r) {
            out.println("  refused, as the lesson expects: " + r.message());
        } else if (output instanceof StepOutput.Info i) {
            i.text().lines().forEach(line -> out.println(("  " + line).stripTrailing()));
        }
        out.flush();
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
        out.println("Explore: mvlab sql -d " + result.database() + " \"SHOW TABLES\"");
        out.flush();
    }

    /** {@code lesson show}: header, README overview, then each step's narrative and what it will run. */
    void show(Lesson lesson) {
        header(lesson);
        out.println("(folder " + lesson.dir() + ", database " + lesson.database() + ")");
        if (!lesson.readme().isBlank()) {
            out.println();
            lesson.readme().lines().forEach(out::println);
        }
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            stepStarted(i + 1, steps.size(), step);
            if (step.info().say() != null) {
                output(new StepOutput.Narrative(step.info().say()));
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
