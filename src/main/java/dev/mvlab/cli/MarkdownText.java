package dev.mvlab.cli;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/** A lesson README (Markdown) as plain text for a terminal: no markup characters, blocks apart, lines wrapped. */
final class MarkdownText {
    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer RENDERER = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS).build();

    private MarkdownText() {
    }

    static String render(String markdown, int width) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(SoftLineBreak softLineBreak) {
                softLineBreak.insertBefore(new Text(" ")); // a paragraph is one line, wrapped to the width below
                softLineBreak.unlink();
            }
        });
        StringBuilder wrapped = new StringBuilder();
        for (Node block = document.getFirstChild(); block != null; ) {
            Node next = block.getNext();
            if (wrapped.length() > 0) {
                wrapped.append('\n');
            }
            for (String line : RENDERER.render(block).strip().split("\n")) {
                TextWrap.lines(line.isBlank() ? " " : line, "", width).forEach(l -> wrapped.append(l).append('\n'));
            }
            block = next;
        }
        return wrapped.toString();
    }
}
