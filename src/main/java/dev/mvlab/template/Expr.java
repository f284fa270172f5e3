package dev.mvlab.template;

import java.util.List;

/** A parsed template expression; {@code pos} is the offset of its first character in the template text. */
sealed interface Expr {
    int pos();

    record Literal(Object value, int pos) implements Expr {
    }

    record Name(String name, int pos) implements Expr {
    }

    record ListOf(List<Expr> items, int pos) implements Expr {
    }

    record TupleOf(List<Expr> items, int pos) implements Expr {
    }

    record DictOf(List<Expr> keys, List<Expr> values, int pos) implements Expr {
    }

    /** {@code -x}, {@code +x}, {@code not x}. */
    record Unary(String op, Expr operand, int pos) implements Expr {
    }

    /** Arithmetic: {@code + - * / // % **}. */
    record Binary(String op, Expr left, Expr right, int pos) implements Expr {
    }

    /** {@code and} / {@code or}, short-circuit, returning an operand as Python does. */
    record Logical(boolean and, Expr left, Expr right, int pos) implements Expr {
    }

    /** A comparison chain: {@code a < b <= c}; ops are {@code == != < > <= >= in not in is is not}. */
    record Compare(Expr first, List<String> ops, List<Expr> rest, int pos) implements Expr {
    }

    /** {@code a if condition else b}. */
    record Conditional(Expr condition, Expr then, Expr otherwise, int pos) implements Expr {
    }

    /** A call of a template function by name, with positional and keyword arguments. */
    record Call(String function, List<Expr> args, List<String> keywords, List<Expr> keywordValues, int pos)
            implements Expr {
        Expr keyword(String name) {
            int i = keywords.indexOf(name);
            return i < 0 ? null : keywordValues.get(i);
        }
    }

    record Index(Expr target, Expr index, int pos) implements Expr {
    }

    record Slice(Expr target, Expr lower, Expr upper, Expr step, int pos) implements Expr {
    }
}
