package dev.mvlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: the page's own style, the vendored libraries inlined, and the script that draws the
 * lineage (Mermaid, to SVG) and the charts (Chartist, to SVG) and highlights the SQL when the page opens. Nothing is
 * fetched. When everything is drawn, {@code body} gets {@code data-ready="true"}.
 */
final class Page {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final boolean drawn;
    private int charts;

    /** A page that draws a lineage or charts, with the libraries inlined. */
    Page(String title) {
        this(title, true);
    }

    /** @param drawn false for a page of text and tables only (no library inlined) */
    Page(String title, boolean drawn) {
        this.title = title;
        this.drawn = drawn;
    }

    Page add(String html) {
        body.append(html);
        return this;
    }

    /** The lineage diagram; {@code nodes} is how many boxes it draws (for tests and readers of the page). */
    Page lineage(Lineage lineage) {
        body.append("<figure class=\"lineage\"><div id=\"lineage\" data-nodes=\"").append(lineage.nodes().size())
                .append("\"></div><script type=\"application/json\" id=\"lineage-source\">")
                .append(json(lineage.mermaid())).append("</script><figcaption>Cylinders are tables, hexagons "
                        + "materialized views (fired by inserts: solid arrows), double boxes refreshable views, "
                        + "rounded boxes views, slanted boxes dictionaries and copy pipes; dotted arrows are reads. "
                        + "Highlighted: what the checks read.</figcaption></figure>\n");
        return this;
    }

    Page chart(Chart chart) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", chart.labels());
        spec.put("series", chart.series().stream().map(s -> Map.of("name", s.name(), "values", s.values())).toList());
        spec.put("distribute", chart.distribute());
        body.append("<figure class=\"chart\" data-bars=\"").append(chart.bars()).append("\"><figcaption>")
                .append(Html.escape(chart.title())).append("</figcaption>").append(legend(chart))
                .append("<div class=\"plot\" id=\"chart-").append(charts++).append("\"></div>")
                .append("<script type=\"application/json\">").append(json(spec)).append("</script></figure>\n");
        return this;
    }

    private static String legend(Chart chart) {
        List<String> names = chart.distribute() ? chart.labels() : chart.series().stream().map(Chart.Series::name)
                .toList();
        StringBuilder out = new StringBuilder("<div class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            out.append("<span class=\"key key-").append((char) ('a' + i)).append("\"></span>")
                    .append(Html.escape(names.get(i))).append(' ');
        }
        return out.append("</div>").toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String html() {
        if (!drawn) {
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                    + "</title>\n<style>" + STYLE + "</style></head>\n<body data-ready=\"true\">\n<main>\n" + body
                    + "</main>\n</body></html>\n";
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<style>" + Assets.CHARTIST_CSS.text() + "</style>\n"
                + "<style>" + Assets.HIGHLIGHT_CSS.text() + "</style>\n"
                + "<style>" + STYLE + "</style></head>\n<body>\n<main>\n" + body + "</main>\n"
                + "<script>" + Assets.HIGHLIGHT.text() + "</script>\n"
                + "<script>" + Assets.CHARTIST.text() + "</script>\n"
                + "<script>" + Assets.MERMAID.text() + "</script>\n"
                + "<script>" + DRAW + "</script>\n</body></html>\n";
    }

    private static final String DRAW = """
            (async () => {
              hljs.highlightAll();
              const drawn = [...document.querySelectorAll('figure.chart')].map(figure => new Promise(done => {
                const spec = JSON.parse(figure.querySelector('script').textContent);
                const data = {labels: spec.labels,
                  series: spec.distribute ? spec.series[0].values : spec.series.map(s => s.values)};
                const chart = new Chartist.BarChart(figure.querySelector('.plot'), data, {
                  distributeSeries: spec.distribute, seriesBarDistance: 16, height: '260px',
                  axisY: {offset: 60}, chartPadding: {top: 16, right: 16, bottom: 8, left: 8}});
                chart.on('created', done);
              }));
              const target = document.getElementById('lineage');
              if (target) {
                mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'neutral',
                  flowchart: {htmlLabels: false, curve: 'basis'}});
                const source = JSON.parse(document.getElementById('lineage-source').textContent);
                const {svg} = await mermaid.render('lineage-svg', source);
                target.innerHTML = svg;
              }
              await Promise.all(drawn);
              document.body.dataset.ready = 'true';
            })().catch(error => { console.error(error); document.body.dataset.ready = 'failed'; });
            """;

    private static final String STYLE = """
            body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2937; margin: 0;
                   background: #f9fafb; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
            h1 { font-size: 1.8em; margin: 0.2em 0; } h2 { font-size: 1.25em; margin: 0; }
            .summary { font-size: 1.1em; color: #374151; }
            .status { display: inline-block; padding: 4px 12px; border-radius: 6px; font-weight: 600; }
            .status.ok { background: #dcfce7; color: #166534; } .status.bad { background: #fee2e2; color: #991b1b; }
            section.step { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px 20px;
                           margin: 16px 0; }
            section.step header { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; }
            .kind { color: #6b7280; font-weight: normal; font-size: 0.85em; }
            .time { color: #6b7280; font-size: 0.85em; white-space: nowrap; }
            .narrative { background: #eff6ff; border-left: 4px solid #3b82f6; padding: 4px 14px; margin: 10px 0; }
            .narrative p { margin: 6px 0; }
            pre.sql { margin: 8px 0; } pre.sql code { border-radius: 6px; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 8px 0; font-size: 0.9em; }
            th, td { border: 1px solid #e5e7eb; padding: 3px 10px; text-align: left; }
            th { background: #f3f4f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .null { color: #9ca3af; }
            .info { color: #4b5563; margin: 4px 0; font-size: 0.92em; }
            .refused { background: #fef3c7; border-left: 4px solid #d97706; padding: 6px 12px; font-size: 0.9em;
                       white-space: pre-wrap; }
            .verdict { border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 14px; margin: 10px 0; }
            .verdict h3 { margin: 0; font-size: 1.05em; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 4px; font-weight: 700; font-size: 0.9em; }
            .badge.MATCH { background: #dcfce7; color: #166534; } .badge.DRIFT { background: #fee2e2; color: #991b1b; }
            .expected { color: #166534; } .unexpected { color: #991b1b; font-weight: 700; }
            .diff-title { font-weight: 600; margin: 8px 0 0; font-size: 0.92em; }
            figure { margin: 12px 0; } figcaption { font-size: 0.9em; color: #4b5563; }
            figure.lineage { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px; }
            #lineage svg { max-width: 100%; height: auto; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            figure.chart { flex: 1 1 420px; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px;
                           padding: 8px 12px; }
            .legend { font-size: 0.85em; } .key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 8px;
                       vertical-align: -1px; border-radius: 2px; }
            .key-a { background: #2563eb; } .key-b { background: #f97316; }
            .ct-series-a .ct-bar { stroke: #2563eb; } .ct-series-b .ct-bar { stroke: #f97316; }
            .ct-bar { stroke-width: 22px; }
            .ct-label { font-size: 0.8em; color: #374151; }
            """;
}
