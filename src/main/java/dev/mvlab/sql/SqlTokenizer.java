package dev.mvlab.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ClickHouse SQL into words, quoted identifiers, symbols, string literals, numbers and comments. It knows just
 * enough syntax to find the tables a query reads and to check a piece of SQL is one balanced expression; it is not a
 * parser. The one tokenizer of mvlab: no other class scans quotes, comments or parentheses by hand.
 * <p>
 * It refuses SQL longer than {@link #MAX_LENGTH} characters or nested deeper than {@link #MAX_DEPTH} parentheses
 * with {@link SqlTooComplexException}, so that what walks its tokens (recursively or not) stays bounded.
 */
public final class SqlTokenizer {
    /** Four times ClickHouse's default {@code max_query_size} (256 KiB), which a SELECT must fit anyway. */
    public static final int MAX_LENGTH = 1 << 20;
    /** ClickHouse's default {@code max_parser_depth}. */
    public static final int MAX_DEPTH = 1000;

    /** WORD, QUOTED (an identifier in backquotes or double quotes) and SYMBOL are what {@link #tokenize} keeps. */
    public enum Kind { WORD, QUOTED, SYMBOL, STRING, NUMBER, COMMENT }

    /**
     * A token, its 0-based offset in the SQL and the offset just after it. For QUOTED, text is the identifier without
     * its quotes; for STRING and COMMENT, the text as written. {@code closed} is false for a string, quoted
     * identifier or block comment that the SQL ends inside.
     */
    public record Token(Kind kind, String text, int offset, int end, boolean closed) {
        public Token(Kind kind, String text, int offset) {
            this(kind, text, offset, offset + text.length(), true);
        }

        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        public boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        public boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private SqlTokenizer() {
    }

    /** Words, quoted identifiers and symbols; literals, numbers and comments are skipped. */
    public static List<Token> tokenize(String sql) {
        return scan(sql).stream().filter(t -> t.kind() == Kind.WORD || t.kind() == Kind.QUOTED
                || t.kind() == Kind.SYMBOL).toList();
    }

    /** Every token, literals, numbers and comments included, in order. */
    public static List<Token> scan(String sql) {
        return scan(sql, MAX_DEPTH);
    }

    /**
     * Every token, refusing brackets ({@code (} and {@code [}) nested deeper than {@code maxDepth} (at most
     * {@link #MAX_DEPTH}): a stricter caller such as a datafile check passes its own.
     */
    public static List<Token> scan(String sql, int maxDepth) {
        if (sql.length() > MAX_LENGTH) {
            throw new SqlTooComplexException("the SQL is " + sql.length() + " characters long, over the limit of "
                    + MAX_LENGTH, MAX_LENGTH);
        }
        int limit = Math.min(maxDepth, MAX_DEPTH);
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                i = endOfLine(sql, i);
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), start, i, true));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), start, i, end >= 0));
            } else if (c == '\'') {
                int end = endOfQuoted(sql, i, '\'');
                i = end < 0 ? n : end;
                tokens.add(new Token(Kind.STRING, sql.substring(start, i), start, i, end >= 0));
            } else if (c == '`' || c == '"') {
                int end = endOfQuoted(sql, i, c);
                i = end < 0 ? n : end;
                String body = sql.substring(start + 1, end < 0 ? n : end - 1);
                tokens.add(new Token(Kind.QUOTED, unquote(body, c), start, i, end >= 0));
            } else if (Character.isDigit(c)) {
                i = endOfNumber(sql, i);
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), start, i, true));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i, true));
            } else {
                depth = c == '(' || c == '[' ? depth + 1 : c == ')' || c == ']' ? Math.max(0, depth - 1) : depth;
                if (depth > limit) {
                    throw new SqlTooComplexException("the SQL nests brackets deeper than " + limit
                            + " levels (at offset " + i + ")", i);
                }
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1, true));
                i++;
            }
        }
        return tokens;
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end;
    }

    /** The offset just after the closing quote, or -1 when the SQL ends first; escapes and doubled quotes skip. */
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
        return -1;
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
