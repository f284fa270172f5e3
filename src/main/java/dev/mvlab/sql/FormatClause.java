package dev.mvlab.sql;

import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.List;
import java.util.Optional;

/**
 * The output format a query names itself: {@code SELECT 1 FORMAT Vertical}. Only a top-level {@code FORMAT name} that
 * ends the statement (or comes before its {@code SETTINGS}) counts, outside literals, comments and brackets, so a
 * column or function named {@code format} is not one.
 */
public final class FormatClause {
    private FormatClause() {
    }

    /** The format named by the statement's own FORMAT clause, if it has one. */
    public static Optional<String> of(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(';')) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(') || t.isSymbol('[') || t.isSymbol('{')) {
                depth++;
            } else if (t.isSymbol(')') || t.isSymbol(']') || t.isSymbol('}')) {
                depth--;
            } else if (depth == 0 && t.isWord("FORMAT") && i + 1 < tokens.size() && tokens.get(i + 1).isIdentifier()
                    && (i + 2 == tokens.size() || tokens.get(i + 2).isWord("SETTINGS"))
                    && (i == 0 || !tokens.get(i - 1).isWord("AS") && !tokens.get(i - 1).isSymbol(','))) {
                return Optional.of(tokens.get(i + 1).text());
            }
        }
        return Optional.empty();
    }
}
