package dev.mvlab.template;

import dev.mvlab.template.PyValues.PyError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders parsed nodes for one {@link RenderState}; keeps at least the line breaks of each part it consumes. */
final class Evaluator {
    private static final int SOURCE_IN_MESSAGES = 20;

    private final RenderState state;
    private final StringBuilder out = new StringBuilder();
    private int lines;
    /** Line breaks owed by constructs that rendered shorter than they are written; paid at the next line end. */
    private int owed;

    Evaluator(RenderState state) {
        this.state = state;
    }

    String render(List<TemplateNode> nodes) {
        run(nodes);
        out.append("\n".repeat(owed));
        owed = 0;
        return out.toString();
    }

    private void run(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            int before = lines;
            node(node);
            // keep line N of the output = line N of the datafile, but break lines only where the SQL ends one
            int pad = node.lines() - (lines - before);
            if (pad > 0) {
                owed += pad;
                lines += pad;
            }
        }
    }

    private void node(TemplateNode node) {
        state.step(node.pos());
        if (node instanceof TemplateNode.Text t) {
            writeText(t.text());
        } else if (node instanceof TemplateNode.Output o) {
            output(o);
        } else if (node instanceof TemplateNode.If i) {
            for (int k = 0; k < i.conditions().size(); k++) {
                if (PyValues.truthy(eval(i.conditions().get(k)))) {
                    run(i.branches().get(k));
                    return;
                }
            }
            if (i.otherwise() != null) {
                run(i.otherwise());
            }
        } else if (node instanceof TemplateNode.For f) {
            loop(f);
        } else if (node instanceof TemplateNode.Set s) {
            state.set(s.name(), eval(s.value()));
        }
    }

    private void output(TemplateNode.Output o) {
        Object value = eval(o.expr());
        if (value == null) {
            if (state.mode == RenderMode.DEFAULTS) {
                write("NULL");
                return;
            }
            String source = o.source().length() > SOURCE_IN_MESSAGES
                    ? o.source().substring(0, SOURCE_IN_MESSAGES) + "..." : o.source();
            throw state.errors.parameter(o.pos(), "expression \"" + source + "\" evaluated to null",
                    "pass the parameter, give it a default, or guard it with {% if defined(...) %}");
        }
        write(SqlRender.value(value));
    }

    private void loop(TemplateNode.For f) {
        List<Object> items = py(f.iterable().pos(), () -> PyValues.iterate(eval(f.iterable())));
        for (Object item : items) {
            state.step(f.pos());
            if (f.targets().size() == 1) {
                state.set(f.targets().get(0), item);
            } else {
                List<Object> parts = py(f.pos(), () -> PyValues.iterate(item));
                if (parts.size() != f.targets().size()) {
                    throw state.errors.evaluation(f.pos(), "cannot unpack " + parts.size() + " values into "
                            + f.targets().size() + " loop variables", null);
                }
                for (int k = 0; k < parts.size(); k++) {
                    state.set(f.targets().get(k), parts.get(k));
                }
            }
            run(f.body());
        }
    }

    /** Template text: the line breaks owed go in at its first line end (never inside a rendered value). */
    private void writeText(String s) {
        int end = owed > 0 ? s.indexOf('\n') : -1;
        if (end < 0) {
            write(s);
            return;
        }
        int pay = owed;
        owed = 0;
        write(s.substring(0, end));
        out.append("\n".repeat(pay));
        write(s.substring(end));
    }

    private void write(String s) {
        if (out.length() + s.length() > RenderState.MAX_OUTPUT) {
            throw state.errors.evaluation(0, "the rendered SQL is longer than " + RenderState.MAX_OUTPUT
                    + " characters", "look for loops over large values");
        }
        out.append(s);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
    }

    Object eval(Expr expr) {
        state.step(expr.pos());
        if (expr instanceof Expr.Literal l) {
            return l.value();
        }
        if (expr instanceof Expr.Name n) {
            return state.lookup(n.name(), n.pos());
        }
        if (expr instanceof Expr.ListOf l) {
            return evalAll(l.items());
        }
        if (expr instanceof Expr.TupleOf t) {
            return new PyTuple(List.copyOf(evalAll(t.items())));
        }
        if (expr instanceof Expr.DictOf d) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < d.keys().size(); i++) {
                map.put(eval(d.keys().get(i)), eval(d.values().get(i)));
            }
            return map;
        }
        if (expr instanceof Expr.Unary u) {
            Object v = eval(u.operand());
            return py(u.pos(), () -> PyArithmetic.unary(u.op(), v));
        }
        if (expr instanceof Expr.Binary b) {
            Object l = eval(b.left());
            Object r = eval(b.right());
            return py(b.pos(), () -> PyArithmetic.binary(b.op(), l, r));
        }
        if (expr instanceof Expr.Logical l) {
            Object left = eval(l.left());
            return PyValues.truthy(left) == l.and() ? eval(l.right()) : left;
        }
        if (expr instanceof Expr.Compare c) {
            return compare(c);
        }
        if (expr instanceof Expr.Conditional c) {
            return PyValues.truthy(eval(c.condition())) ? eval(c.then()) : eval(c.otherwise());
        }
        if (expr instanceof Expr.Call c) {
            return call(c);
        }
        if (expr instanceof Expr.Index i) {
            Object target = eval(i.target());
            Object key = eval(i.index());
            return py(i.pos(), () -> PyValues.index(target, key));
        }
        Expr.Slice s = (Expr.Slice) expr;
        Object target = eval(s.target());
        Object lo = s.lower() == null ? null : eval(s.lower());
        Object hi = s.upper() == null ? null : eval(s.upper());
        Object step = s.step() == null ? null : eval(s.step());
        return py(s.pos(), () -> PyValues.slice(target, lo, hi, step));
    }

    private List<Object> evalAll(List<Expr> items) {
        List<Object> values = new ArrayList<>(items.size());
        items.forEach(e -> values.add(eval(e)));
        return values;
    }

    private Object compare(Expr.Compare c) {
        Object left = eval(c.first());
        for (int i = 0; i < c.ops().size(); i++) {
            Object right = eval(c.rest().get(i));
            String op = c.ops().get(i);
            Object l = left;
            boolean holds = py(c.rest().get(i).pos(), () -> switch (op) {
                case "==" -> PyValues.eq(l, right);
                case "!=" -> !PyValues.eq(l, right);
                case "<" -> PyValues.compare(l, right, op) < 0;
                case ">" -> PyValues.compare(l, right, op) > 0;
                case "<=" -> PyValues.compare(l, right, op) <= 0;
                case ">=" -> PyValues.compare(l, right, op) >= 0;
                case "in" -> PyValues.contains(right, l);
                case "not in" -> !PyValues.contains(right, l);
                case "is" -> l == null ? right == null : l instanceof Boolean && l.equals(right);
                default -> !(l == null ? right == null : l instanceof Boolean && l.equals(right));
            });
            if (!holds) {
                return false;
            }
            left = right;
        }
        return true;
    }

    private Object call(Expr.Call c) {
        List<Object> args = evalAll(c.args());
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (int i = 0; i < c.keywords().size(); i++) {
            keywords.put(c.keywords().get(i), eval(c.keywordValues().get(i)));
        }
        String parameter = null;
        List<String> request = null;
        if (!c.args().isEmpty() && c.args().get(0) instanceof Expr.Name n && !state.isLocal(n.name())) {
            parameter = n.name();
            request = state.requestValues(n.name());
        }
        CallSite site = new CallSite(c.function(), args, keywords, parameter, request, c.pos(), state);
        return py(c.pos(), () -> {
            if (TypeFunctions.ALL.contains(c.function())) {
                return TypeFunctions.call(site);
            }
            if (DateDiff.NAMES.contains(c.function())) {
                return DateDiff.call(site);
            }
            return SqlFunctions.call(site);
        });
    }

    private <T> T py(int pos, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (PyError e) {
            throw state.errors.evaluation(pos, e.getMessage(), null);
        }
    }
}
