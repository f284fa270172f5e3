package dev.mvlab.sql;

import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ClickHouse query parameters in SQL: {@code {name: Type}} outside string literals, quoted identifiers and comments.
 * ClickHouse fills them from the request's {@code param_<name>} values when the statement runs.
 */
public final class ParameterPlaceholders {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One placeholder: its name, its type as written, and where it is (0-based offsets in the SQL). */
    public record Placeholder(String name, String type, int offset, int end) {
    }

    private ParameterPlaceholders() {
    }

    /** Whether {@code name} can name a query parameter (letters, digits and underscores, not first a digit). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The placeholder {@code {name: String}}. */
    public static String string(String name) {
        if (!isName(name)) {
            throw new IllegalArgumentException("not a query parameter name: " + name);
        }
        return "{" + name + ": String}";
    }

    /** The distinct names of the placeholders in {@code sql}, in order of first appearance. */
    public static Set<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        find(sql).forEach(p -> names.add(p.name()));
        return names;
    }

    /** Every placeholder in {@code sql}, in order. */
    public static List<Placeholder> find(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        List<Placeholder> found = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol('{') || tokens.get(i + 1).kind() != SqlTokenizer.Kind.WORD
                    || !tokens.get(i + 2).isSymbol(':') || !isName(tokens.get(i + 1).text())) {
                continue;
            }
            int close = closing(tokens, i + 3);
            if (close > i + 3) {
                found.add(new Placeholder(tokens.get(i + 1).text(), sql.substring(tokens.get(i + 3).offset(),
                        tokens.get(close - 1).end()), tokens.get(i).offset(), tokens.get(close).end()));
                i = close;
            }
        }
        return found;
    }

    /** The index of the {@code }} that ends a type starting at {@code from}, or -1. */
    private static int closing(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (t.isSymbol('}') && depth == 0) {
                return i;
            } else if (t.isSymbol('{') || t.isSymbol(';') || depth < 0) {
                return -1;
            }
        }
        return -1;
    }
}
