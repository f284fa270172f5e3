package dev.mvlab.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes verdicts stand out on a terminal: MATCH green, DRIFT red, UNEXPECTED (a verdict the lesson or check did not
 * expect) bold. Wraps a writer; everything written through it is painted, so printers stay colour-blind.
 */
final class VerdictColours {
    static final String GREEN = "\u001B[32m";
    static final String RED = "\u001B[31m";
    static final String BOLD = "\u001B[1m";
    static final String RESET = "\u001B[0m";
    private static final Pattern VERDICT = Pattern.compile("\\b(MATCH|DRIFT|UNEXPECTED)\\b");

    private VerdictColours() {
    }

    /** {@code out} itself when colour is off, else a writer that paints verdicts. */
    static PrintWriter wrap(PrintWriter out, boolean colour) {
        if (!colour) {
            return out;
        }
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                out.write(paint(new String(buffer, offset, length)));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        }, true);
    }

    static String paint(String text) {
        Matcher matcher = VERDICT.matcher(text);
        StringBuilder painted = new StringBuilder();
        while (matcher.find()) {
            String code = switch (matcher.group(1)) {
                case "MATCH" -> GREEN;
                case "DRIFT" -> RED;
                default -> BOLD;
            };
            matcher.appendReplacement(painted, Matcher.quoteReplacement(code + matcher.group(1) + RESET));
        }
        matcher.appendTail(painted);
        return painted.toString();
    }
}
