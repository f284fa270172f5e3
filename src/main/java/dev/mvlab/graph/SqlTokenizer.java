package dev.mvlab.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into words, quoted identifiers and symbols, skipping string literals, numbers and comments. It knows just
 * enough ClickHouse syntax to find the tables a query reads; it is not a parser.
 */
final class SqlTokenizer {

    enum Kind { WORD, QUOTED, SYMBOL }

    /** A token and its 0-based offset in the SQL. For QUOTED, text is the identifier without its quotes. */
    record Token(Kind kind, String text, int offset) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private SqlTokenizer() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                i = endOfLine(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'');
            } else if (c == '`' || c == '"') {
                int end = endOfQuoted(sql, i, c);
                tokens.add(new Token(Kind.QUOTED, unquote(sql.substring(i + 1, Math.max(i + 1, end - 1)), c), i));
                i = end;
            } else if (Character.isDigit(c)) {
                i = endOfNumber(sql, i);
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    /** The offset just after the closing quote; backslash escapes and doubled quotes are skipped. */
    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int endOfNumber(String sql, int i) {
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                || sql.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    private static String unquote(String body, char quote) {
        return body.replace("\\" + quote, String.valueOf(quote)).replace(String.valueOf(quote) + quote,
                String.valueOf(quote)).replace("\\\\", "\\");
    }
}
