package dev.mvlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons outside quotes, backquotes and comments. Each statement keeps the
 * 0-based line of the script it starts on, so an error can name its line in the manifest.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** A statement without its semicolon, and the 0-based line of the script where its first token is. */
    public record Statement(String sql, int line) {
    }

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i, c);
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                add(statements, script, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script, start, n);
        return statements;
    }

    private static int skipQuoted(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    private static void add(List<Statement> statements, String script, int from, int to) {
        String text = script.substring(from, to);
        if (withoutComments(text).isBlank()) {
            return;
        }
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        int line = (int) script.substring(0, from + lead).chars().filter(ch -> ch == '\n').count();
        statements.add(new Statement(text.strip(), line));
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", " ");
    }
}
