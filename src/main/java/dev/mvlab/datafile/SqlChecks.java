package dev.mvlab.datafile;

import dev.mvlab.sql.SqlShape;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies {@link SqlShape}'s checks to the SQL pieces of a datafile and reports a problem at its file, line and column:
 * nesting everywhere, one query per node, engine values that are expressions and settings lists.
 */
final class SqlChecks {
    private SqlChecks() {
    }

    /** Some text of one or more datafile lines; the first starts at a 1-based column, the others at column 1. */
    private record Snippet(List<Line> lines, int firstColumn, String text) {
        static Snippet of(Instruction ins) {
            if (ins.isBlock()) {
                // `#` comment lines are dropped by Tinybird's reader: they take part in no check
                return new Snippet(ins.block(), 1, ins.block().stream().map(l -> l.isComment() ? "" : l.text())
                        .collect(Collectors.joining("\n")));
            }
            String raw = ins.line().text().substring(Math.min(ins.line().text().length(), ins.valueColumn() - 1));
            String value = Values.unquote(raw);
            int shift = value.equals(raw.strip()) ? 0 : 1;
            return new Snippet(List.of(ins.line()), ins.valueColumn() + shift, value);
        }

        DatafileException error(Optional<SqlShape.Problem> problem) {
            SqlShape.Problem p = problem.orElseThrow();
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < p.offset() && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = p.offset() - lineStart + (line == 0 ? firstColumn : 1);
            return lines.get(Math.min(line, lines.size() - 1)).error(column, p.reason(), p.hint());
        }
    }

    /** Brackets of an instruction (its line, or its block) nest at most {@link SqlShape#MAX_NESTING} deep. */
    static void nesting(Instruction ins) {
        Snippet snippet = ins.isBlock() ? Snippet.of(ins) : new Snippet(List.of(ins.line()), 1, ins.line().text());
        Optional<SqlShape.Problem> problem = SqlShape.nesting(snippet.text());
        if (problem.isPresent()) {
            throw snippet.error(problem);
        }
    }

    /** A node's {@code SQL >} block holds one query, with balanced brackets unless it is a template. */
    static void query(Instruction sql, boolean template) {
        Snippet snippet = Snippet.of(sql);
        Optional<SqlShape.Problem> problem = SqlShape.query(snippet.text(), template);
        if (problem.isPresent()) {
            throw snippet.error(problem);
        }
    }

    /** An engine value that is pasted as an expression (keys, TTL): see {@link SqlShape#expression}. */
    static void expression(Instruction ins, Set<String> extraWords) {
        Snippet snippet = Snippet.of(ins);
        Optional<SqlShape.Problem> problem = SqlShape.expression(snippet.text(), ins.keyword(), extraWords);
        if (problem.isPresent()) {
            throw snippet.error(problem);
        }
    }

    /** An expression on a line (a column's DEFAULT, an index's expression) starting at a 1-based column. */
    static void expression(Line line, int column, String text, String what) {
        Snippet snippet = new Snippet(List.of(line), column, text);
        Optional<SqlShape.Problem> problem = SqlShape.expression(text, what, Set.of());
        if (problem.isPresent()) {
            throw snippet.error(problem);
        }
    }

    /** {@code ENGINE_SETTINGS}: name = value pairs. */
    static void settings(Instruction ins) {
        Snippet snippet = Snippet.of(ins);
        Optional<SqlShape.Problem> problem = SqlShape.settings(snippet.text(), ins.keyword());
        if (problem.isPresent()) {
            throw snippet.error(problem);
        }
    }
}
