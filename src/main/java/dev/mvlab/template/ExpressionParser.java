package dev.mvlab.template;

import dev.mvlab.template.ExpressionLexer.Token;
import dev.mvlab.template.ExpressionLexer.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the Python-like expressions of {@code {{ }}} and {@code {% %}} tags with Python's precedence: conditional,
 * {@code or}, {@code and}, {@code not}, comparisons, {@code + -}, {@code * / // %}, unary minus, {@code **}, calls
 * and indexing. Nesting is bounded ({@value #MAX_DEPTH} levels), so hostile input gives an error, never a
 * StackOverflowError.
 */
final class ExpressionParser {
    static final int MAX_DEPTH = 100;
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "for",
            "lambda", "True", "False", "None");

    private final List<Token> tokens;
    private final Errors errors;
    private int next;
    private int depth;

    private ExpressionParser(List<Token> tokens, Errors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    /** The expression written between {@code start} and {@code end} of the template text. */
    static Expr parse(String text, int start, int end, Errors errors) {
        ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokens(text, start, end, errors), errors);
        if (parser.peek().type() == Type.END) {
            throw errors.syntax(start, "empty expression", null);
        }
        Expr expr = parser.expression();
        Token rest = parser.peek();
        if (rest.type() != Type.END) {
            throw errors.syntax(rest.pos(), "unexpected `" + rest.text() + "` in template expression", null);
        }
        return expr;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private boolean accept(String op) {
        if (peek().is(op) && peek().type() != Type.STRING) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(String op) {
        Token t = peek();
        if (!t.is(op)) {
            throw errors.syntax(t.pos(), "expected `" + op + "` but found "
                    + (t.type() == Type.END ? "the end of the expression" : "`" + t.text() + "`"), null);
        }
        return take();
    }

    private void enter(int pos) {
        if (++depth > MAX_DEPTH) {
            throw errors.syntax(pos, "template expression nested too deeply (more than " + MAX_DEPTH + " levels)",
                    "simplify the expression");
        }
    }

    private Expr expression() {
        int pos = peek().pos();
        enter(pos);
        Expr value = or();
        if (peek().is("if")) {
            take();
            Expr condition = or();
            expect("else");
            value = new Expr.Conditional(condition, value, expression(), pos);
        }
        depth--;
        return value;
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("or")) {
            int pos = take().pos();
            left = new Expr.Logical(false, left, and(), pos);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().is("and")) {
            int pos = take().pos();
            left = new Expr.Logical(true, left, not(), pos);
        }
        return left;
    }

    private Expr not() {
        if (peek().is("not")) {
            int pos = take().pos();
            enter(pos);
            Expr operand = not();
            depth--;
            return new Expr.Unary("not", operand, pos);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr first = arith();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op = null;
            if (t.type() == Type.OP && COMPARISONS.contains(t.text())) {
                op = take().text();
            } else if (t.is("in")) {
                take();
                op = "in";
            } else if (t.is("not") && tokens.get(next + 1).is("in")) {
                next += 2;
                op = "not in";
            } else if (t.is("is")) {
                take();
                op = accept("not") ? "is not" : "is";
            }
            if (op == null) {
                break;
            }
            ops.add(op);
            rest.add(arith());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, rest, first.pos());
    }

    private Expr arith() {
        Expr left = term();
        while (peek().type() == Type.OP && (peek().is("+") || peek().is("-"))) {
            Token op = take();
            left = new Expr.Binary(op.text(), left, term(), op.pos());
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (peek().type() == Type.OP && (peek().is("*") || peek().is("/") || peek().is("//") || peek().is("%"))) {
            Token op = take();
            left = new Expr.Binary(op.text(), left, factor(), op.pos());
        }
        return left;
    }

    private Expr factor() {
        if (peek().type() == Type.OP && (peek().is("-") || peek().is("+"))) {
            Token op = take();
            enter(op.pos());
            Expr operand = factor();
            depth--;
            return new Expr.Unary(op.text(), operand, op.pos());
        }
        Expr base = postfix(atom());
        if (peek().type() == Type.OP && peek().is("**")) {
            Token op = take();
            enter(op.pos());
            Expr exponent = factor();
            depth--;
            return new Expr.Binary("**", base, exponent, op.pos());
        }
        return base;
    }

    private Expr postfix(Expr target) {
        Expr current = target;
        while (peek().type() == Type.OP) {
            Token t = peek();
            if (t.is("(")) {
                if (!(current instanceof Expr.Name name)) {
                    throw errors.syntax(t.pos(), "only template functions can be called", null);
                }
                take();
                current = call(name);
            } else if (t.is("[")) {
                take();
                current = subscript(current, t.pos());
            } else if (t.is(".")) {
                throw errors.syntax(t.pos(), "attribute access (`." + tokens.get(next + 1).text()
                        + "`) is not supported in templates", "use the template functions instead");
            } else {
                break;
            }
        }
        return current;
    }

    private Expr call(Expr.Name name) {
        List<Expr> args = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!peek().is(")")) {
            Token t = peek();
            if (t.type() == Type.NAME && tokens.get(next + 1).is("=") && tokens.get(next + 1).type() == Type.OP) {
                next += 2;
                if (keywords.contains(t.text())) {
                    throw errors.syntax(t.pos(), "keyword argument `" + t.text() + "` repeated", null);
                }
                keywords.add(t.text());
                values.add(expression());
            } else {
                if (!keywords.isEmpty()) {
                    throw errors.syntax(t.pos(), "positional argument follows keyword argument", null);
                }
                args.add(expression());
            }
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        return new Expr.Call(name.name(), List.copyOf(args), List.copyOf(keywords), List.copyOf(values), name.pos());
    }

    private Expr subscript(Expr target, int pos) {
        Expr lower = peek().is(":") ? null : expression();
        if (!accept(":")) {
            expect("]");
            return new Expr.Index(target, lower, pos);
        }
        Expr upper = peek().is(":") || peek().is("]") ? null : expression();
        Expr step = null;
        if (accept(":") && !peek().is("]")) {
            step = expression();
        }
        expect("]");
        return new Expr.Slice(target, lower, upper, step, pos);
    }

    private Expr atom() {
        Token t = take();
        switch (t.type()) {
            case NUMBER:
                return new Expr.Literal(t.value(), t.pos());
            case STRING: {
                StringBuilder s = new StringBuilder((String) t.value());
                while (peek().type() == Type.STRING) {
                    s.append((String) take().value());
                }
                return new Expr.Literal(s.toString(), t.pos());
            }
            case NAME:
                return switch (t.text()) {
                    case "True", "true" -> new Expr.Literal(Boolean.TRUE, t.pos());
                    case "False", "false" -> new Expr.Literal(Boolean.FALSE, t.pos());
                    case "None" -> new Expr.Literal(null, t.pos());
                    default -> {
                        if (KEYWORDS.contains(t.text())) {
                            throw errors.syntax(t.pos(), "unexpected `" + t.text() + "`", null);
                        }
                        yield new Expr.Name(t.text(), t.pos());
                    }
                };
            case END:
                throw errors.syntax(t.pos(), "the expression ends too early", null);
            default:
                break;
        }
        if (t.is("(")) {
            enter(t.pos());
            if (accept(")")) {
                depth--;
                return new Expr.TupleOf(List.of(), t.pos());
            }
            Expr first = expression();
            if (!peek().is(",")) {
                expect(")");
                depth--;
                return first;
            }
            List<Expr> items = new ArrayList<>(List.of(first));
            while (accept(",") && !peek().is(")")) {
                items.add(expression());
            }
            expect(")");
            depth--;
            return new Expr.TupleOf(List.copyOf(items), t.pos());
        }
        if (t.is("[")) {
            enter(t.pos());
            List<Expr> items = new ArrayList<>();
            while (!peek().is("]")) {
                items.add(expression());
                if (!accept(",")) {
                    break;
                }
            }
            expect("]");
            depth--;
            return new Expr.ListOf(List.copyOf(items), t.pos());
        }
        if (t.is("{")) {
            enter(t.pos());
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            while (!peek().is("}")) {
                keys.add(expression());
                expect(":");
                values.add(expression());
                if (!accept(",")) {
                    break;
                }
            }
            expect("}");
            depth--;
            return new Expr.DictOf(List.copyOf(keys), List.copyOf(values), t.pos());
        }
        throw errors.syntax(t.pos(), "unexpected `" + t.text() + "` in template expression", null);
    }
}
