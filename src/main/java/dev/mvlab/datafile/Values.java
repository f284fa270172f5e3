package dev.mvlab.datafile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small helpers for instruction values: quoting, identifiers, word and comma splitting. */
final class Values {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A piece of a line and the 1-based column where it starts. */
    record Token(String text, int column) {
    }

    private Values() {
    }

    static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    /** Strips one pair of surrounding double or single quotes, if present. */
    static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1).replace("\\" + v.charAt(0), String.valueOf(v.charAt(0)));
        }
        return v;
    }

    /** Whitespace-separated words from a 1-based column on; a quoted word keeps its spaces and loses its quotes. */
    static List<Token> words(Line line, int fromColumn) {
        String text = line.text();
        List<Token> out = new ArrayList<>();
        int i = fromColumn - 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw line.error(start + 1, "unterminated string: missing closing " + c, null);
                }
                out.add(new Token(text.substring(i + 1, end), start + 1));
                i = end + 1;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(text.substring(start, i), start + 1));
            }
        }
        return out;
    }

    /**
     * Splits on commas outside parentheses and quotes, trimming each part and dropping empty ones; each part is
     * unquoted. {@code "a", "b"} and {@code a, b} both give [a, b].
     */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                add(out, part);
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        add(out, part);
        return out;
    }

    private static void add(List<String> out, StringBuilder part) {
        String p = unquote(part.toString());
        if (!p.isEmpty()) {
            out.add(p);
        }
    }
}
