package dev.mvlab.graph;

import dev.mvlab.sql.SqlTokenizer;
import dev.mvlab.sql.SqlTokenizer.Kind;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a query reads after FROM and JOIN, the table functions it calls there, and the names its own
 * {@code WITH name AS (SELECT ...)} clauses define. FROM inside a function call ({@code EXTRACT(YEAR FROM ts)}) and
 * {@code ARRAY JOIN} are not table reads.
 */
public record TableReferences(List<Reference> tables, Set<String> localNames) {

    /**
     * One name read by a query: {@code database} is null unless it was written {@code db.name}; {@code end} is the
     * offset just after the name as written (quotes included).
     */
    public record Reference(String database, String name, int offset, int end, boolean tableFunction) {
        public String qualified() {
            return database == null ? name : database + "." + name;
        }
    }

    private static final Set<String> NOT_ALIASES = Set.of("FINAL", "SAMPLE", "WHERE", "PREWHERE", "GROUP", "ORDER",
            "LIMIT", "JOIN", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "ANY", "ALL", "ASOF", "SEMI", "ANTI", "ARRAY",
            "ON", "USING", "UNION", "SETTINGS", "FORMAT", "HAVING", "WINDOW", "QUALIFY", "GLOBAL", "PASTE", "EXCEPT",
            "INTERSECT", "INTO", "OUTER", "LIKE", "OFFSET");

    public static TableReferences of(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        List<Reference> tables = new ArrayList<>();
        Set<String> localNames = new LinkedHashSet<>();
        Deque<Boolean> subqueryStack = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol('(')) {
                subqueryStack.push(startsQuery(tokens, i + 1));
                continue;
            }
            if (token.isSymbol(')')) {
                if (!subqueryStack.isEmpty()) {
                    subqueryStack.pop();
                }
                continue;
            }
            boolean inQuery = subqueryStack.isEmpty() || subqueryStack.peek();
            if (!inQuery) {
                continue;
            }
            if (token.isIdentifier() && at(tokens, i + 1).isWord("AS") && at(tokens, i + 2).isSymbol('(')
                    && startsQuery(tokens, i + 3)) {
                localNames.add(token.text());
            }
            boolean join = token.isWord("JOIN") && !at(tokens, i - 1).isWord("ARRAY");
            if (token.isWord("FROM") || join) {
                readTables(tokens, i + 1, tables);
            }
        }
        return new TableReferences(List.copyOf(tables), Set.copyOf(localNames));
    }

    /** Reads {@code name}, {@code db.name} or {@code fn(...)}, then further ones after commas. */
    private static void readTables(List<Token> tokens, int i, List<Reference> out) {
        while (true) {
            Token first = at(tokens, i);
            if (first.isSymbol('(')) {
                int next = afterParentheses(tokens, i);
                next = afterAlias(tokens, next);
                if (!at(tokens, next).isSymbol(',')) {
                    return;
                }
                i = next + 1;
                continue;
            }
            if (!first.isIdentifier() || first.kind() == Kind.WORD && isQueryKeyword(first.text())) {
                return;
            }
            String database = null;
            String name = first.text();
            int next = i + 1;
            if (at(tokens, next).isSymbol('.') && at(tokens, next + 1).isIdentifier()) {
                database = name;
                name = at(tokens, next + 1).text();
                next += 2;
            }
            boolean function = at(tokens, next).isSymbol('(');
            out.add(new Reference(database, name, first.offset(), at(tokens, next - 1).end(), function));
            if (function) {
                return;
            }
            next = afterAlias(tokens, next);
            if (!at(tokens, next).isSymbol(',')) {
                return;
            }
            i = next + 1;
        }
    }

    private static int afterAlias(List<Token> tokens, int i) {
        if (at(tokens, i).isWord("AS")) {
            return i + 2;
        }
        if (at(tokens, i).isIdentifier() && !NOT_ALIASES.contains(at(tokens, i).text().toUpperCase(Locale.ROOT))) {
            return i + 1;
        }
        return i;
    }

    /** The index after the parenthesis that closes the one at {@code open}. */
    private static int afterParentheses(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    private static boolean isQueryKeyword(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return upper.equals("SELECT") || upper.equals("WITH");
    }

    private static boolean startsQuery(List<Token> tokens, int i) {
        Token token = at(tokens, i);
        return token.isWord("SELECT") || token.isWord("WITH") || token.isSymbol('(') && startsQuery(tokens, i + 1);
    }

    private static Token at(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : new Token(Kind.SYMBOL, "", -1);
    }
}
