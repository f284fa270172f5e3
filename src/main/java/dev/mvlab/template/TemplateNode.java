package dev.mvlab.template;

import java.util.List;

/**
 * A part of a parsed template. {@code pos}/{@code end} delimit its source text, {@code lines} counts the line breaks
 * in it: rendering keeps at least that many, so a line of the output is the same line of the datafile.
 */
sealed interface TemplateNode {
    int pos();

    int lines();

    /** Raw SQL text, written as is. */
    record Text(String text, int pos, int lines) implements TemplateNode {
    }

    /** {@code {{ expr }}}; {@code source} is the expression as written, for messages. */
    record Output(Expr expr, String source, int pos, int lines) implements TemplateNode {
    }

    /** {@code {% if %}}, any {@code {% elif %}}, an optional {@code {% else %}} (null when absent). */
    record If(List<Expr> conditions, List<List<TemplateNode>> branches, List<TemplateNode> otherwise, int pos,
              int lines) implements TemplateNode {
    }

    /** {@code {% for a, b in expr %}...{% end %}}. */
    record For(List<String> targets, Expr iterable, List<TemplateNode> body, int pos, int lines)
            implements TemplateNode {
    }

    /** {@code {% set name = expr %}}. */
    record Set(String name, Expr value, int pos, int lines) implements TemplateNode {
    }

    /** A comment ({@code {# #}} or {@code {% comment %}}): writes nothing but its line breaks. */
    record Comment(int pos, int lines) implements TemplateNode {
    }
}
