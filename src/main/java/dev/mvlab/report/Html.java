package dev.mvlab.report;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/** Escaping, Markdown (CommonMark, raw HTML escaped) and the small pieces every page is made of. */
final class Html {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Html() {
    }

    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String markdown(String text) {
        return RENDERER.render(MARKDOWN.parse(text));
    }

    /** A statement, highlighted as SQL in the browser. */
    static String sql(String sql) {
        return "<pre class=\"sql\"><code class=\"language-sql\">" + escape(sql.strip()) + "</code></pre>\n";
    }

    /** A table; numbers align right. {@code nulls} are shown as NULL. */
    static String table(List<String> columns, List<? extends List<?>> rows, String cssClass) {
        StringBuilder out = new StringBuilder("<table class=\"" + cssClass + "\"><thead><tr>");
        columns.forEach(c -> out.append("<th>").append(escape(c)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (List<?> row : rows) {
            out.append("<tr>");
            for (Object value : row) {
                boolean number = value instanceof Number;
                out.append(number ? "<td class=\"num\">" : "<td>")
                        .append(value == null ? "<span class=\"null\">NULL</span>" : escape(value)).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}
