package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.sql.SqlTokenizer;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint query may end with {@code ORDER BY x DESC} where {@code x} is an aggregate state
 * ({@code sumState(...) OVER (...)}). ClickHouse 24 and older (and Tinybird's) accepted it without really sorting by
 * it; ClickHouse 25+ refuses it under every setting. Such keys are left out of the query's final ORDER BY. Only a
 * trailing top-level {@code ORDER BY} of bare (or backquoted) column names, each with an optional ASC/DESC, is
 * considered; any other query is left alone. Column types are asked of ClickHouse.
 */
final class AggregateOrderBy {
    /** The query to run and the keys left out of its ORDER BY (none: the query is unchanged). */
    record Rewrite(String sql, List<String> dropped) {
    }

    private record Key(String name, int offset, int end) {
    }

    private AggregateOrderBy() {
    }

    static Rewrite of(Database db, String select) {
        return of(db, select, QueryParameters.none());
    }

    /** The same for a query whose secrets take these values. */
    static Rewrite of(Database db, String select, QueryParameters secrets) {
        List<Token> tokens = SqlTokenizer.tokenize(select);
        int order = trailingOrderBy(tokens);
        if (order < 0) {
            return new Rewrite(select, List.of());
        }
        List<Key> keys = keys(tokens.subList(order + 2, tokens.size()));
        if (keys.isEmpty()) {
            return new Rewrite(select, List.of());
        }
        String head = select.substring(0, tokens.get(order).offset());
        QueryResult described = db.run("SELECT * FROM (\n" + head + "\n) LIMIT 0", secrets);
        List<String> dropped = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Key key : keys) {
            int at = described.columns().indexOf(key.name());
            if (at >= 0 && described.types().get(at).startsWith("AggregateFunction(")) {
                dropped.add(key.name());
            } else {
                kept.add(select.substring(key.offset(), key.end()));
            }
        }
        if (dropped.isEmpty()) {
            return new Rewrite(select, List.of());
        }
        String sql = kept.isEmpty() ? head.stripTrailing() : head + "ORDER BY " + String.join(", ", kept);
        return new Rewrite(sql, List.copyOf(dropped));
    }

    /** Index of the ORDER of the last {@code ORDER BY} outside parentheses, or -1. */
    private static int trailingOrderBy(List<Token> tokens) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.isWord("ORDER") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("BY")) {
                found = i;
            }
        }
        return found;
    }

    /** {@code a [ASC|DESC], `b` [ASC|DESC], ...} to the end, or an empty list when the tail is anything else. */
    private static List<Key> keys(List<Token> tail) {
        List<Key> keys = new ArrayList<>();
        int i = 0;
        while (i < tail.size()) {
            Token name = tail.get(i);
            if (!name.isIdentifier()) {
                return List.of();
            }
            int end = name.end();
            i++;
            if (i < tail.size() && (tail.get(i).isWord("ASC") || tail.get(i).isWord("DESC"))) {
                end = tail.get(i).end();
                i++;
            }
            keys.add(new Key(name.text(), name.offset(), end));
            if (i < tail.size()) {
                if (!tail.get(i).isSymbol(',') || i + 1 == tail.size()) {
                    return List.of();
                }
                i++;
            }
        }
        return keys;
    }

    static Warning warning(ProjectObject object, List<String> dropped) {
        return new Warning(object.location(), "endpoint " + object.name() + " sorts by aggregate state(s) "
                + String.join(", ", dropped.stream().map(c -> "`" + c + "`").toList()) + ": ClickHouse 24 and older"
                + " (and Tinybird) accepted it without sorting by it, newer ClickHouse refuses it, so mvlab leaves"
                + " it out of the ORDER BY", WarningKind.ORDER_BY_AGGREGATE_STATE);
    }
}
