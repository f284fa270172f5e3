package dev.mvlab.report;

import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.Statement;
import dev.mvlab.verify.CheckResult;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page of a project: its lineage, every object's SQL in apply order, and what its checks found (or why a check
 * could not run, such as a table not deployed on that database).
 */
public final class ProjectPage {
    private ProjectPage() {
    }

    /** One check's outcome: a result, or the error that kept it from running. */
    public record CheckOutcome(String name, CheckResult result, String error) {
    }

    /**
     * @param sql      each object's statements, by object name, in apply order
     * @param checks   the checks' outcomes (empty when the project declares none)
     * @param database where the checks ran
     */
    public static String html(String title, ProjectGraph graph, Map<String, List<Statement>> sql,
                              List<CheckOutcome> checks, String database) {
        Set<String> focus = new LinkedHashSet<>();
        checks.stream().filter(c -> c.result() != null).forEach(c -> focus.addAll(LessonPage.focusOf(
                c.result().check().mv())));
        Page page = new Page("mvlab report: " + title);
        long asExpected = checks.stream().filter(c -> c.result() != null && c.result().asExpected()).count();
        page.add("<header><p class=\"info\">mvlab report · " + graph.objects().size() + " objects · "
                + checks.size() + " checks on database <code>" + Html.escape(database) + "</code></p><h1>"
                + Html.escape(title) + "</h1>" + (checks.isEmpty() ? "<p class=\"info\">The project declares no "
                + "checks (checks/*.yaml).</p>" : asExpected == checks.size()
                ? "<p class=\"status ok\">All " + checks.size() + " verdicts as expected.</p>"
                : "<p class=\"status bad\">" + (checks.size() - asExpected) + " of " + checks.size()
                + " checks differ from what was expected or could not run.</p>") + "</header>\n");
        page.add("<h2>Lineage</h2>\n").lineage(Lineage.of(graph, focus));
        if (!checks.isEmpty()) {
            page.add("<h2>Checks</h2>\n");
            for (CheckOutcome check : checks) {
                if (check.result() != null) {
                    VerdictHtml.add(page, check.result());
                } else {
                    page.add("<div class=\"verdict\" data-verdict=\"ERROR\"><h3>" + Html.escape(check.name())
                            + ": <span class=\"unexpected\">could not run</span></h3><div class=\"refused\">"
                            + Html.escape(check.error()) + "</div></div>\n");
                }
            }
        }
        page.add("<h2>Objects</h2>\n");
        for (ProjectObject object : graph.applyOrder()) {
            page.add("<section class=\"step\" id=\"object-" + Html.escape(object.name()) + "\"><header><h2>"
                    + Html.escape(object.name()) + " <span class=\"kind\">(" + object.kind().label() + ")</span></h2>"
                    + "<span class=\"time\">" + Html.escape(String.valueOf(object.location())) + "</span></header>\n");
            for (Statement statement : sql.getOrDefault(object.name(), List.of())) {
                page.add(Html.sql(statement.sql()));
            }
            page.add("</section>\n");
        }
        return page.html();
    }
}
