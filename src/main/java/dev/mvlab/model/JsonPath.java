package dev.mvlab.model;

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
                String key = path.substring(i + 1, end);
                int odd = firstOdd(key);
                if (odd >= 0) {
                    throw new IllegalArgumentException("unexpected '" + key.charAt(odd) + "' at column "
                            + (i + 2 + odd) + " of JSONPath '" + text + "'" + (key.charAt(odd) == '*'
                            ? " (wildcards are not supported; [:] takes every element of an array)"
                            : " (write ['key'] for a key with it)"));
                }
                into.add(key);
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

    /** The index of the first character a bare key cannot hold, or -1. */
    private static int firstOdd(String key) {
        for (int j = 0; j < key.length(); j++) {
            char c = key.charAt(j);
            if (c == '*' || c == ']' || c == '\'' || c == '"' || c == '$' || c == '(' || c == ')'
                    || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return j;
            }
        }
        return -1;
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
