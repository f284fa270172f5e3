package dev.mvlab.datafile;

import dev.mvlab.model.Column;

/**
 * Reads column definitions from one SCHEMA line:
 * {@code `name` Type [`json:$.path`] [DEFAULT expr] [CODEC(...)]}, separated by commas (a trailing comma is fine).
 * The optional parts may come in any order. A column ends on its line.
 */
final class ColumnScanner {
    private final Line line;
    private final String text;
    private int pos;

    ColumnScanner(Line line) {
        this.line = line;
        this.text = line.text();
        this.pos = line.indent();
    }

    /** The next column on the line, or null at the end of the line (or a trailing comment). */
    Column next() {
        skipSpaces();
        if (atEnd() || peek() == '#') {
            return null;
        }
        int nameColumn = pos + 1;
        String name = name();
        skipSpaces();
        String type = type(name);
        String jsonPath = null;
        String defaultExpr = null;
        String codec = null;
        while (true) {
            skipSpaces();
            if (atEnd() || peek() == ',' || peek() == '#') {
                break;
            } else if (text.startsWith("`json:", pos) || text.startsWith("json:", pos)) {
                jsonPath = jsonPath(name);
            } else if (word("DEFAULT")) {
                defaultExpr = defaultExpr(name);
            } else if (word("CODEC")) {
                codec = codec(name);
            } else {
                throw line.error(pos + 1, "unexpected `" + rest() + "` after the type of column `" + name + "`",
                        "after the type a column may have `json:$.path`, DEFAULT expr and CODEC(...);"
                                + " separate columns with commas");
            }
        }
        if (!atEnd() && peek() == ',') {
            pos++;
        }
        return new Column(name, type, jsonPath, defaultExpr, codec, line.location(nameColumn));
    }

    private String name() {
        int start = pos;
        String name;
        if (peek() == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw line.error(start + 1, "unterminated backquote: missing closing ` after the column name",
                        "write the name as `name`");
            }
            name = text.substring(pos + 1, end);
            pos = end + 1;
        } else {
            name = identifier();
            if (name.isEmpty()) {
                throw line.error(start + 1, "expected a column name, found `" + rest() + "`",
                        "a column reads `name` Type, e.g. `price` Float64");
            }
        }
        boolean quoted = text.charAt(start) == '`';
        if (quoted ? !java.util.Arrays.stream(name.split("\\.", -1)).allMatch(Values::isIdentifier)
                : !Values.isIdentifier(name)) {
            throw line.error(start + 1, "column name `" + name + "` is not an identifier",
                    "use letters, digits and _, starting with a letter or _ (other names need backquotes: `p.id`)");
        }
        return name;
    }

    private String type(String column) {
        int start = pos;
        String base = identifier();
        if (base.isEmpty() || base.equalsIgnoreCase("DEFAULT") || base.equalsIgnoreCase("CODEC")) {
            throw line.error(start + 1, "expected a type after column `" + column + "`",
                    "a column reads `name` Type, e.g. `" + column + "` String");
        }
        skipSpaces();
        if (!atEnd() && peek() == '(') {
            int open = pos;
            int close = closingParen(open);
            if (close < 0) {
                throw line.error(open + 1, "unbalanced parentheses in the type of column `" + column
                        + "`: `(` is never closed", "close every `(` of a type on the same line");
            }
            pos = close + 1;
            return base + text.substring(open, close + 1);
        }
        if (!atEnd() && peek() == ')') {
            throw line.error(pos + 1, "unbalanced parentheses in the type of column `" + column
                    + "`: `)` has no matching `(`", null);
        }
        return base;
    }

    private String jsonPath(String column) {
        int start = pos;
        String path;
        if (peek() == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw line.error(start + 1, "unterminated backquote: missing closing ` after the JSONPath",
                        "write the JSONPath as `json:$.field`");
            }
            path = text.substring(pos + "`json:".length(), end);
            pos = end + 1;
        } else {
            int end = pos;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ',') {
                end++;
            }
            path = text.substring(pos + "json:".length(), end);
            pos = end;
        }
        int pathColumn = start + 1 + (text.charAt(start) == '`' ? 6 : 5);
        if (!path.startsWith("$")) {
            throw line.error(pathColumn, "JSONPath of column `" + column + "` must start with `$`, found `"
                    + path + "`", "write `json:$." + (path.isEmpty() ? column : path) + "` ($ is the JSON object)");
        }
        if (path.chars().anyMatch(Character::isWhitespace)) {
            throw line.error(pathColumn, "JSONPath of column `" + column + "` contains a space: `" + path + "`",
                    null);
        }
        return path;
    }

    private String defaultExpr(String column) {
        skipSpaces();
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (!atEnd()) {
            char c = peek();
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == ',' || text.startsWith("`json:", pos) || wordAt("CODEC"))) {
                break;
            }
            pos++;
        }
        if (quote != 0 || depth != 0) {
            throw line.error(start + 1, "unbalanced " + (quote != 0 ? "quote" : "parentheses")
                    + " in the DEFAULT of column `" + column + "`", null);
        }
        String expr = text.substring(start, pos).strip();
        if (expr.isEmpty()) {
            throw line.error(start + 1, "expected an expression after DEFAULT for column `" + column + "`", null);
        }
        return expr;
    }

    private String codec(String column) {
        skipSpaces();
        if (atEnd() || peek() != '(') {
            throw line.error(pos + 1, "expected `(` after CODEC for column `" + column + "`",
                    "write CODEC(ZSTD(1)) or CODEC(Delta, LZ4)");
        }
        int open = pos;
        int close = closingParen(open);
        if (close < 0) {
            throw line.error(open + 1, "unbalanced parentheses in the CODEC of column `" + column + "`", null);
        }
        pos = close + 1;
        return text.substring(open + 1, close).strip();
    }

    /** Index of the `)` closing the `(` at open, skipping quoted text; -1 if the line ends first. */
    private int closingParen(int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String identifier() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Consumes a case-insensitive keyword when it stands alone at the cursor. */
    private boolean word(String keyword) {
        if (wordAt(keyword)) {
            pos += keyword.length();
            return true;
        }
        return false;
    }

    private boolean wordAt(String keyword) {
        int end = pos + keyword.length();
        return text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (pos == 0 || !Character.isLetterOrDigit(text.charAt(pos - 1)))
                && (end >= text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
    }

    private String rest() {
        String r = text.substring(pos).strip();
        return r.length() > 40 ? r.substring(0, 40) + "..." : r;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }
}
