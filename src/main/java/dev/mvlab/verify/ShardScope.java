package dev.mvlab.verify;

import dev.mvlab.sql.SqlLiterals;
import dev.mvlab.sql.SqlTokenizer;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.List;
import java.util.Set;

/**
 * A check narrowed to one shard of a cluster ({@code verify --per-shard}). Every read of a Distributed table
 * {@code x} after FROM or JOIN becomes {@code (SELECT * FROM x WHERE _shard_num = N)}; a {@code FINAL} written after
 * the table (or its alias) moves inside, next to the table. Both sides of the check then see only shard N: a
 * materialized view attached to the local tables keeps each shard's aggregates in step with that shard's raw rows,
 * while a view attached to the Distributed table writes every row on the node that received it, so its shards drift
 * even when the totals match.
 *
 * @param distributedTables the names of the Distributed tables (the project's data sources on a cluster)
 * @param shard             the shard number, as {@code _shard_num} counts them (from 1)
 */
public record ShardScope(Set<String> distributedTables, int shard) {

    public ShardScope {
        distributedTables = Set.copyOf(distributedTables);
        if (shard < 1) {
            throw new IllegalArgumentException("shards are numbered from 1, got " + shard);
        }
    }

    /** The check with both queries narrowed to this shard, named {@code name [shard N]}. */
    public Check narrow(Check check) {
        return new Check(check.name() + " [shard " + shard + "]", check.description(), narrow(check.mv()),
                narrow(check.raw()), check.keys(), check.tolerance(), check.expect(), check.location());
    }

    /** The query with each read of a Distributed table narrowed to this shard. */
    public String narrow(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token before = tokens.get(i - 1);
            Token name = tokens.get(i);
            if (!(before.isWord("FROM") || before.isWord("JOIN")) || !name.isIdentifier()
                    || !distributedTables.contains(name.text()) || at(tokens, i + 1).isSymbol('.')
                    || at(tokens, i + 1).isSymbol('(')) {
                continue;
            }
            Token fin = finalAfter(tokens, i);
            out.append(sql, copied, name.offset());
            out.append("(SELECT * FROM ").append(SqlLiterals.identifier(name.text()))
                    .append(fin != null ? " FINAL" : "").append(" WHERE _shard_num = ").append(shard).append(')');
            if (fin != null) {
                out.append(sql, name.end(), fin.offset());
                copied = fin.end();
            } else {
                copied = name.end();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** The Distributed tables a query reads after FROM or JOIN, in order of first mention. */
    public static Set<String> reads(String sql, Set<String> distributedTables) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        Set<String> read = new java.util.LinkedHashSet<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token name = tokens.get(i);
            if ((tokens.get(i - 1).isWord("FROM") || tokens.get(i - 1).isWord("JOIN")) && name.isIdentifier()
                    && distributedTables.contains(name.text()) && !at(tokens, i + 1).isSymbol('.')
                    && !at(tokens, i + 1).isSymbol('(')) {
                read.add(name.text());
            }
        }
        return read;
    }

    /** The FINAL written after the table at {@code i}, directly or after its alias ({@code t AS a FINAL}), or null. */
    private static Token finalAfter(List<Token> tokens, int i) {
        int j = i + 1;
        if (at(tokens, j).isWord("AS")) {
            j++;
        }
        if (at(tokens, j).isWord("FINAL")) {
            return tokens.get(j);
        }
        if (at(tokens, j).isIdentifier() && at(tokens, j + 1).isWord("FINAL")) {
            return tokens.get(j + 1);
        }
        return null;
    }

    private static Token at(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i) : new Token(SqlTokenizer.Kind.SYMBOL, ";", -1);
    }
}
