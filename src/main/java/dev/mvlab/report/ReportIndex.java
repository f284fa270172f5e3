package dev.mvlab.report;

import dev.mvlab.lesson.LessonResult;
import dev.mvlab.verify.Verdict;

import java.util.ArrayList;
import java.util.List;

/** {@code index.html} of a report: one row per lesson page with its verdicts, and the time each run took. */
public final class ReportIndex {
    private final List<Entry> entries = new ArrayList<>();

    /** A lesson page written into the report's folder. */
    public record Entry(LessonResult result, String file, long bytes) {
    }

    public void add(LessonResult result, String file, long bytes) {
        entries.add(new Entry(result, file, bytes));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public String html() {
        Page page = new Page("mvlab lessons", false);
        long ok = entries.stream().filter(e -> e.result().asExpected()).count();
        page.add("<header><h1>mvlab lessons</h1><p class=\"" + (ok == entries.size() ? "status ok" : "status bad")
                + "\">" + ok + " of " + entries.size() + " lessons with every verdict as expected.</p></header>\n");
        StringBuilder table = new StringBuilder("<table class=\"summary\"><thead><tr><th>#</th><th>lesson</th>"
                + "<th>verdicts</th><th>MATCH</th><th>DRIFT</th><th>as expected</th><th>steps</th><th>time</th>"
                + "<th>page</th></tr></thead><tbody>\n");
        for (Entry e : entries) {
            LessonResult r = e.result();
            long match = r.verdicts().stream().filter(v -> v.result().verdict() == Verdict.MATCH).count();
            table.append("<tr><td class=\"num\">").append(r.lesson().number()).append("</td><td><a href=\"")
                    .append(Html.escape(e.file())).append("\">").append(Html.escape(r.lesson().title()))
                    .append("</a></td><td class=\"num\">").append(r.verdicts().size()).append("</td><td class=\"num\">")
                    .append(match).append("</td><td class=\"num\">").append(r.verdicts().size() - match)
                    .append("</td><td>").append(r.asExpected() ? "<span class=\"expected\">all</span>"
                            : "<span class=\"unexpected\">" + r.unexpected().size() + " unexpected</span>")
                    .append("</td><td class=\"num\">").append(r.steps().size()).append("</td><td class=\"num\">")
                    .append(LessonPage.seconds(LessonPage.total(r))).append("</td><td class=\"num\">")
                    .append(e.bytes() / 1024).append(" KiB</td></tr>\n");
        }
        return page.add(table.append("</tbody></table>\n").toString()).html();
    }
}
