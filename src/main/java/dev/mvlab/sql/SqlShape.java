package dev.mvlab.sql;

import dev.mvlab.sql.SqlTokenizer.Kind;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a piece of SQL from a datafile has the shape its place needs before it is pasted into a statement: a
 * query is one statement; an engine key, TTL or DEFAULT is one expression (or a comma-separated list), so it cannot end
 * the clause it sits in and start another ({@code ts) SETTINGS ... --}, {@code ... AS SELECT ...}); settings are
 * {@code name = literal} pairs. Nesting is bounded everywhere, so that no parser (mvlab's, the JDBC driver's,
 * ClickHouse's) recurses without end. Problems come back with their offset in the text.
 */
public final class SqlShape {
    /** Brackets nest at most this deep; real queries stay far below (ClickHouse's own limit is max_parser_depth). */
    public static final int MAX_NESTING = 100;

    /** Words that start a clause of a CREATE statement (or join another query): never inside an expression. */
    private static final Set<String> CLAUSE_WORDS = Set.of("AS", "SETTINGS", "FORMAT", "ENGINE", "ORDER", "PARTITION",
            "PRIMARY", "SAMPLE", "TTL", "COMMENT", "EMPTY", "POPULATE", "UNION", "EXCEPT", "INTERSECT", "INTO", "FROM",
            "WHERE", "GROUP", "HAVING", "LIMIT", "SET", "TO", "WITH", "INSERT", "CREATE", "DROP", "ALTER", "OUTFILE");

    /** The words a TTL may use after its expressions: {@code ... DELETE WHERE ...}, {@code TO DISK 'x'}, ... */
    public static final Set<String> TTL_WORDS = Set.of("DELETE", "WHERE", "TO", "DISK", "VOLUME", "RECOMPRESS",
            "GROUP", "SET");

    /** What is wrong, at which 0-based offset of the text, and what to do. */
    public record Problem(int offset, String reason, String hint) {
    }

    private SqlShape() {
    }

    /** Brackets nested deeper than {@link #MAX_NESTING}: at the first one too deep. */
    public static Optional<Problem> nesting(String text) {
        try {
            SqlTokenizer.scan(text, MAX_NESTING);
            return Optional.empty();
        } catch (SqlTooComplexException e) {
            return Optional.of(new Problem(e.offset(), e.offset() < SqlTokenizer.MAX_LENGTH
                    ? "brackets nest more than " + MAX_NESTING + " levels deep" : e.getMessage(),
                    "write it flatter; no datafile needs this much nesting"));
        }
    }

    /**
     * A node's query: one statement (a final {@code ;} is fine), its brackets balanced unless {@code template} (a
     * template's branches may open and close them).
     */
    public static Optional<Problem> query(String sql, boolean template) {
        List<Token> tokens = SqlTokenizer.scan(sql);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol(';')) {
                Optional<Token> next = tokens.subList(i + 1, tokens.size()).stream()
                        .filter(t -> t.kind() != Kind.COMMENT && !t.isSymbol(';')).findFirst();
                if (next.isPresent()) {
                    return problem(token, "`;` ends the query and `" + shortText(next.get())
                                    + "` starts another: a node holds one query",
                            "remove the `;` and what follows, or put it in a node of its own");
                }
            }
        }
        return template ? Optional.empty() : balance(tokens, "the query");
    }

    /**
     * An engine value (key, TTL, column expression): expressions separated by commas, brackets balanced, no {@code ;},
     * no comment, no SELECT, and no word that starts a clause outside brackets (but {@code extraWords}, e.g. a TTL's
     * DELETE WHERE).
     *
     * @param what how the value is called in messages, e.g. "ENGINE_SORTING_KEY"
     */
    public static Optional<Problem> expression(String text, String what, Set<String> extraWords) {
        List<Token> tokens = SqlTokenizer.scan(text);
        String hint = what + " is pasted into the statement; it must be an expression (or a list of them)";
        for (Token token : tokens) {
            if (!token.closed()) {
                return problem(token, "unterminated " + describe(token) + " in " + what, "close it");
            }
            if (token.kind() == Kind.COMMENT) {
                return problem(token, "a comment (`" + shortText(token) + "`) in " + what, hint);
            }
            if (token.isSymbol(';')) {
                return problem(token, "`;` in " + what, hint + "; `;` would end the statement");
            }
        }
        Optional<Problem> unbalanced = balance(tokens, what);
        if (unbalanced.isPresent()) {
            return unbalanced;
        }
        int depth = 0;
        int elementStart = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token == null || depth == 0 && token.isSymbol(',')) {
                Optional<Problem> wrong = element(tokens.subList(elementStart, i), what, extraWords, hint);
                if (wrong.isPresent()) {
                    return wrong;
                }
                elementStart = i + 1;
            } else if (token.isSymbol('(') || token.isSymbol('[')) {
                depth++;
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** One element of an expression list; a lone word is a column name, even one named like a keyword. */
    private static Optional<Problem> element(List<Token> tokens, String what, Set<String> extraWords, String hint) {
        if (tokens.size() == 1) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
            if (token.isSymbol('(') || token.isSymbol('[')) {
                depth++;
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                depth--;
            } else if (token.kind() == Kind.WORD) {
                String word = token.text().toUpperCase(Locale.ROOT);
                // a function may be named like a keyword: set(100)
                if (word.equals("SELECT") || depth == 0 && !call && CLAUSE_WORDS.contains(word)
                        && !extraWords.contains(word)) {
                    return problem(token, "`" + token.text() + "` in " + what + ": it would start another clause "
                            + "or query", hint);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code name = literal, name = literal, ...}: a literal is a number, a string, or a word (true, false, ...). */
    public static Optional<Problem> settings(String text, String what) {
        List<Token> tokens = SqlTokenizer.scan(text);
        String hint = what + " reads name = value, name = value (e.g. index_granularity = 8192)";
        int i = 0;
        while (i < tokens.size()) {
            Token name = tokens.get(i);
            if (name.kind() != Kind.WORD) {
                return problem(name, "expected a setting name in " + what + ", found `" + shortText(name) + "`", hint);
            }
            if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol('=')) {
                Token at = i + 1 < tokens.size() ? tokens.get(i + 1) : name;
                return problem(at, "expected `=` after setting `" + name.text() + "` in " + what, hint);
            }
            i += 2;
            if (i < tokens.size() && (tokens.get(i).isSymbol('-') || tokens.get(i).isSymbol('+'))) {
                i++;
            }
            Token value = i < tokens.size() ? tokens.get(i) : null;
            boolean literal = value != null && value.closed() && (value.kind() == Kind.NUMBER
                    || value.kind() == Kind.STRING || value.kind() == Kind.WORD);
            if (!literal) {
                return problem(value != null ? value : tokens.get(i - 1), "expected a value (a number, a 'string' or "
                        + "a word) for setting `" + name.text() + "` in " + what, hint);
            }
            i++;
            if (i < tokens.size()) {
                if (!tokens.get(i).isSymbol(',')) {
                    return problem(tokens.get(i), "expected `,` or the end after setting `" + name.text() + "` in "
                            + what + ", found `" + shortText(tokens.get(i)) + "`", hint);
                }
                i++;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> balance(List<Token> tokens, String what) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token token : tokens) {
            if (token.isSymbol('(') || token.isSymbol('[')) {
                open.push(token);
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                char expected = token.isSymbol(')') ? '(' : '[';
                if (open.isEmpty() || !open.peek().isSymbol(expected)) {
                    return problem(token, "`" + token.text() + "` in " + what + " has no matching `" + expected + "`",
                            "balance the brackets");
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            return problem(open.peek(), "`" + open.peek().text() + "` in " + what + " is never closed",
                    "balance the brackets");
        }
        return Optional.empty();
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case STRING -> "string";
            case QUOTED -> "quoted name";
            default -> "comment";
        };
    }

    private static String shortText(Token token) {
        String text = token.kind() == Kind.QUOTED ? "`" + token.text() + "`" : token.text();
        text = text.lines().findFirst().orElse("");
        return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }

    private static Optional<Problem> problem(Token token, String reason, String hint) {
        return Optional.of(new Problem(token.offset(), reason, hint));
    }
}
