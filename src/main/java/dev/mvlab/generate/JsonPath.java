package dev.mvlab.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A Tinybird-style JSONPath of a landing column: {@code $} (the whole line), {@code $.a.b}, {@code $.a['b-c']},
 * {@code $.items[0]} (an element; negative counts from the end), {@code $.items[:]} (all elements, as an array) and
 * {@code $.items[:].id} (a field of every element). At most one {@code [:]}.
 *
 * @param prefix   keys (String) and 0-based indexes (Integer) before {@code [:]}, or the whole path without one
 * @param allItems true when the path has {@code [:]}
 * @param suffix   keys and indexes after {@code [:]}, applied to every element
 */
public record JsonPath(String text, List<Object> prefix, boolean allItems, List<Object> suffix) {

    public boolean isRoot() {
        return prefix.isEmpty() && !allItems;
    }

    public static JsonPath parse(String text) {
        String path = text.strip();
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with '$', got '" + text + "'");
        }
        List<Object> prefix = new ArrayList<>();
        List<Object> suffix = new ArrayList<>();
        boolean allItems = false;
        int i = 1;
        while (i < path.length()) {
            List<Object> into = allItems ? suffix : prefix;
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("empty key after the '.' at column " + (i + 1) + " of JSONPath '" + text + "'");
                }
                into.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = closingBracket(path, i, text);
                String inside = path.substring(i + 1, close).strip();
                if (inside.equals(":") || inside.equals("*")) {
                    if (allItems) {
                        throw new IllegalArgumentException("JSONPath '" + text + "' has more than one [:]");
                    }
                    allItems = true;
                } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    into.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        into.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected [:], ['key'] or [number] in JSONPath '" + text
                                + "', got [" + inside + "]");
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("expected '.' or '[' at column " + (i + 1) + " of JSONPath '"
                        + text + "'");
            }
        }
        return new JsonPath(path, List.copyOf(prefix), allItems, List.copyOf(suffix));
    }

    private static int closingBracket(String path, int open, String text) {
        char quote = 0;
        for (int j = open + 1; j < path.length(); j++) {
            char c = path.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ']') {
                return j;
            }
        }
        throw new IllegalArgumentException("unclosed '[' in JSONPath '" + text + "'");
    }
}
