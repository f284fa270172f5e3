package dev.mvlab.report;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.graph.TableReferences;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.StepOutcome;
import dev.mvlab.lesson.StepOutput;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The page of one lesson run: the overview, the lineage of what the lesson built, every step as it ran (narrative,
 * highlighted SQL, result tables, verdicts with their diff tables, charts, the step's time) and the verdicts' summary.
 */
public final class LessonPage {
    private LessonPage() {
    }

    /** The tables the lesson's checks read on their {@code mv} side: what the lineage highlights. */
    public static Set<String> focus(LessonResult result) {
        Set<String> names = new LinkedHashSet<>();
        result.verdicts().forEach(v -> names.addAll(focusOf(v.result().check().mv())));
        return names;
    }

    /** The tables a check's {@code mv} query reads. */
    static Set<String> focusOf(String mvQuery) {
        Set<String> names = new LinkedHashSet<>();
        try {
            TableReferences.of(mvQuery).tables().stream().filter(r -> !r.tableFunction())
                    .forEach(r -> names.add(r.name()));
        } catch (RuntimeException e) {
            // a query the tokenizer cannot follow highlights nothing
        }
        return names;
    }

    public static String html(LessonResult result, Lineage lineage) {
        Lesson lesson = result.lesson();
        Page page = new Page("Lesson " + lesson.number() + ": " + lesson.title());
        page.add("<header><p class=\"info\">mvlab lesson " + lesson.number() + " · database <code>"
                + Html.escape(result.database()) + "</code> · " + result.steps().size() + " steps in "
                + seconds(total(result)) + "</p><h1>Lesson " + lesson.number() + ": " + Html.escape(lesson.title())
                + "</h1><p class=\"summary\">" + Html.escape(lesson.summary()) + "</p>" + status(result)
                + "</header>\n");
        if (!lesson.readme().isBlank()) {
            page.add("<section class=\"readme\">" + Html.markdown(withoutTitle(lesson.readme())) + "</section>\n");
        }
        page.add("<h2>Lineage</h2>\n").lineage(lineage);
        for (StepOutcome step : result.steps()) {
            step(page, step, result.steps().size());
        }
        page.add("<h2 id=\"summary\">Verdicts</h2>\n").add(Html.table(List.of("step", "check", "expected", "verdict",
                "result"), result.verdicts().stream().map(v -> List.<Object>of(v.step(), v.result().check().name(),
                v.result().expected().name(), v.result().verdict().name(), v.asExpected() ? "ok" : "UNEXPECTED"))
                .toList(), "summary")).add(status(result));
        return page.html();
    }

    private static void step(Page page, StepOutcome step, int total) {
        String title = step.info().title() != null ? Html.escape(step.info().title()) + " " : "";
        page.add("<section class=\"step\" id=\"step-" + step.number() + "\" data-kind=\"" + step.kind()
                + "\"><header><h2>" + step.number() + "/" + total + " " + title + "<span class=\"kind\">("
                + step.kind() + ")</span></h2><span class=\"time\">" + seconds(step.elapsed()) + "</span></header>\n");
        for (StepOutput output : step.outputs()) {
            if (output instanceof StepOutput.Narrative n) {
                page.add("<div class=\"narrative\">" + Html.markdown(n.text()) + "</div>\n");
            } else if (output instanceof StepOutput.Sql s) {
                page.add(Html.sql(s.sql()));
            } else if (output instanceof StepOutput.Rows r) {
                rows(page, r.result(), r.maxRows());
            } else if (output instanceof StepOutput.Verified v) {
                VerdictHtml.add(page, v.result());
            } else if (output instanceof StepOutput.Refused r) {
                page.add("<div class=\"refused\">refused, as the lesson expects: " + Html.escape(r.message())
                        + "</div>\n");
            } else if (output instanceof StepOutput.Created c) {
                created(page, c);
            } else if (output instanceof StepOutput.Info i) {
                page.add("<p class=\"info\">" + Html.escape(i.text()) + "</p>\n");
            }
        }
        List<Chart> speed = Charts.speed(step);
        if (!speed.isEmpty()) {
            page.add("<div class=\"charts\">");
            speed.forEach(page::chart);
            page.add("</div>\n");
        }
        page.add("</section>\n");
    }

    /** What an apply created, as a table, then the SQL of every object (the page has room for all of it). */
    private static void created(Page page, StepOutput.Created created) {
        page.add(Html.table(List.of("created", "kind", "from", "named by the step"), created.objects().stream()
                .map(o -> Arrays.<Object>asList(o.object(), o.kind(), o.source(), o.named() ? "yes" : "needed"))
                .toList(), "rows"));
        created.objects().stream().filter(o -> o.sql() != null).forEach(o -> page.add(Html.sql(o.sql())));
    }

    private static void rows(Page page, QueryResult result, int maxRows) {
        List<List<Object>> shown = result.rows().subList(0, Math.min(maxRows, result.rows().size()));
        page.add(Html.table(result.columns(), shown, "rows"));
        page.add("<p class=\"info\">" + result.rows().size() + (result.rows().size() == 1 ? " row" : " rows")
                + (shown.size() < result.rows().size() ? ", first " + shown.size() + " shown" : "") + "</p>\n");
    }

    static String status(LessonResult result) {
        int n = result.verdicts().size();
        return result.asExpected() ? "<p class=\"status ok\">All " + n + " verdicts as expected.</p>\n"
                : "<p class=\"status bad\">" + result.unexpected().size() + " of " + n
                + " verdicts differ from what the lesson expects.</p>\n";
    }

    static Duration total(LessonResult result) {
        return result.steps().stream().map(StepOutcome::elapsed).reduce(Duration.ZERO, Duration::plus);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private static String withoutTitle(String readme) {
        return readme.startsWith("# ") ? readme.substring(readme.indexOf('\n') + 1) : readme;
    }
}
