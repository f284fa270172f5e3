package dev.mvlab.sql;

import dev.mvlab.sql.SqlTokenizer.Kind;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at the semicolons {@link SqlTokenizer} finds (so never inside a string, a quoted
 * name or a comment). Each statement keeps the 0-based line of the script it starts on, so an error can name its line
 * in the file it came from. The one SQL splitter of mvlab.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** A statement without its semicolon, and the 0-based line of the script where its first token is. */
    public record Statement(String sql, int line) {
    }

    /** The statements of a script, in order; empty ones (nothing but comments and blanks) are left out. */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        List<Token> pending = new ArrayList<>();
        for (Token token : SqlTokenizer.scan(script)) {
            if (token.isSymbol(';')) {
                add(statements, script, pending, token.offset());
                pending.clear();
            } else {
                pending.add(token);
            }
        }
        add(statements, script, pending, script.length());
        return statements;
    }

    private static void add(List<Statement> statements, String script, List<Token> tokens, int end) {
        if (tokens.stream().allMatch(t -> t.kind() == Kind.COMMENT)) {
            return;
        }
        int start = tokens.get(0).offset();
        int line = (int) script.substring(0, start).chars().filter(c -> c == '\n').count();
        statements.add(new Statement(script.substring(start, end).strip(), line));
    }
}
