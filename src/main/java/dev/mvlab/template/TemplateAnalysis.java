package dev.mvlab.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a parsed template declares, found once at parse time: every called function must exist, the names it reads
 * as parameters (a name only a {@code {% set %}} reads is not one: rendering it without a value is a NameError, as
 * in Tinybird), and the declared parameters with their types, defaults and descriptions.
 */
final class TemplateAnalysis {
    static final Set<String> RESERVED = Set.of("format", "q");
    private static final Set<String> PARAMETER_FUNCTIONS = Set.of("column", "columns", "symbol", "table",
            "split_to_array");

    private final Errors errors;
    private final Set<String> parameterNames = new HashSet<>();
    private final Set<String> assigned = new HashSet<>();
    private final Set<String> typed = new HashSet<>();
    private final Map<String, TemplateParameter> declared = new LinkedHashMap<>();
    private final List<Expr.Name> bare = new ArrayList<>();
    private final Set<String> withoutDefault = new java.util.LinkedHashSet<>();

    private TemplateAnalysis(Errors errors) {
        this.errors = errors;
    }

    /**
     * @param withoutDefault the names Tinybird's "Required parameter is not defined" error lists: every name a type
     *                       function takes without a default, and every name used other than as a function's
     *                       argument, in order of appearance (a name only {@code defined()} or another function reads
     *                       is left out, as Tinybird's {@code used_in: function_call})
     */
    record Result(Set<String> parameterNames, List<TemplateParameter> parameters, List<String> withoutDefault) {
    }

    static Result of(List<TemplateNode> nodes, Errors errors) {
        TemplateAnalysis analysis = new TemplateAnalysis(errors);
        analysis.nodes(nodes);
        for (Expr.Name name : analysis.bare) {
            if (!analysis.assigned.contains(name.name()) && !analysis.declared.containsKey(name.name())) {
                analysis.declared.put(name.name(), new TemplateParameter(name.name(), "String", null, null, null,
                        false, errors.at(name.pos())));
            }
        }
        analysis.assigned.stream().filter(n -> !analysis.typed.contains(n)).forEach(analysis.declared::remove);
        return new Result(Set.copyOf(analysis.parameterNames), List.copyOf(analysis.declared.values()),
                List.copyOf(analysis.withoutDefault));
    }

    /** Adds to {@link #withoutDefault} what one expression contributes; {@code argument}: e is a call's argument. */
    private void withoutDefault(Expr e, boolean argument) {
        if (e instanceof Expr.Name n) {
            if (!argument && !RESERVED.contains(n.name())) {
                withoutDefault.add(n.name());
            }
            return;
        }
        if (e instanceof Expr.Call c) {
            boolean typeFunction = TypeFunctions.ALL.contains(c.function());
            if (typeFunction && !c.args().isEmpty() && c.args().get(0) instanceof Expr.Name n) {
                int defaultIndex = c.function().equals("Array") ? 2 : 1;
                Expr dflt = c.args().size() > defaultIndex ? c.args().get(defaultIndex) : c.keyword("default");
                if (dflt == null || dflt instanceof Expr.Literal l && l.value() == null) {
                    withoutDefault.add(n.name());
                }
            }
            c.args().forEach(a -> withoutDefault(a, true));
            c.keywordValues().forEach(a -> withoutDefault(a, true));
            return;
        }
        List<Expr> children = new ArrayList<>();
        visitChildren(e, children::add);
        children.forEach(child -> withoutDefault(child, false));
    }

    /** The direct sub-expressions of an expression (what {@link #visit} descends into first). */
    private static void visitChildren(Expr e, Consumer<Expr> child) {
        List<Expr> all = new ArrayList<>();
        if (e instanceof Expr.ListOf l) {
            all.addAll(l.items());
        } else if (e instanceof Expr.TupleOf t) {
            all.addAll(t.items());
        } else if (e instanceof Expr.DictOf d) {
            all.addAll(d.keys());
            all.addAll(d.values());
        } else if (e instanceof Expr.Unary u) {
            all.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            all.add(b.left());
            all.add(b.right());
        } else if (e instanceof Expr.Logical l) {
            all.add(l.left());
            all.add(l.right());
        } else if (e instanceof Expr.Compare c) {
            all.add(c.first());
            all.addAll(c.rest());
        } else if (e instanceof Expr.Conditional c) {
            all.add(c.condition());
            all.add(c.then());
            all.add(c.otherwise());
        } else if (e instanceof Expr.Index i) {
            all.add(i.target());
            all.add(i.index());
        } else if (e instanceof Expr.Slice sl) {
            all.add(sl.target());
            all.add(sl.lower());
            all.add(sl.upper());
            all.add(sl.step());
        }
        all.stream().filter(java.util.Objects::nonNull).forEach(child);
    }

    private void nodes(List<TemplateNode> nodes) {
        for (TemplateNode node : nodes) {
            if (node instanceof TemplateNode.Output o) {
                expression(o.expr(), true);
            } else if (node instanceof TemplateNode.If i) {
                i.conditions().forEach(c -> expression(c, true));
                i.branches().forEach(this::nodes);
                if (i.otherwise() != null) {
                    nodes(i.otherwise());
                }
            } else if (node instanceof TemplateNode.For f) {
                assigned.addAll(f.targets());
                expression(f.iterable(), true);
                nodes(f.body());
            } else if (node instanceof TemplateNode.Set s) {
                assigned.add(s.name());
                expression(s.value(), false);
            }
        }
    }

    private void expression(Expr root, boolean namesAreParameters) {
        withoutDefault(root, false);
        visit(root, e -> {
            if (e instanceof Expr.Name n && namesAreParameters) {
                parameter(n);
                bare.add(n);
            } else if (e instanceof Expr.Call c) {
                call(c);
            }
        });
    }

    private void parameter(Expr.Name n) {
        if (RESERVED.contains(n.name())) {
            throw errors.make(TemplateException.Kind.SYNTAX, n.pos(), Errors.VALUE_ERROR, "\"" + n.name()
                    + "\" can not be used as a variable name, line " + errors.lineOf(n.pos()),
                    "rename the parameter: `" + n.name() + "` is reserved by the endpoint API");
        }
        parameterNames.add(n.name());
    }

    private void call(Expr.Call c) {
        String f = c.function();
        boolean typeFunction = TypeFunctions.ALL.contains(f);
        if (!typeFunction && !DateDiff.NAMES.contains(f) && !SqlFunctions.NAMES.contains(f)) {
            throw errors.syntax(c.pos(), "Invalid function name: " + f,
                    "template functions are the type functions (String, Int32, Date, Array, ...), defined, column,"
                            + " columns, symbol, sql_and, split_to_array, day_diff, date_diff_in_*, error, "
                            + "custom_error, tb_secret, tb_var, max_threads, enumerate_with_last, sql_unescape");
        }
        if ((typeFunction || PARAMETER_FUNCTIONS.contains(f)) && !c.args().isEmpty()
                && c.args().get(0) instanceof Expr.Name n) {
            parameter(n);
            typed.add(n.name());
            declare(c, n);
        }
    }

    private void declare(Expr.Call c, Expr.Name n) {
        int defaultIndex = c.function().equals("Array") ? 2 : 1;
        String type = TypeFunctions.ALL.contains(c.function()) ? c.function() : "String";
        Expr dflt = c.args().size() > defaultIndex ? c.args().get(defaultIndex) : c.keyword("default");
        if (c.function().equals("Array")) {
            Expr item = c.args().size() > 1 ? c.args().get(1) : c.keyword("type");
            String itemType = item instanceof Expr.Literal l && l.value() instanceof String s ? s : "String";
            if (!TypeFunctions.SCALARS.contains(itemType) && c.args().size() == 2 && dflt == null) {
                dflt = item;
                itemType = "String";
            }
            type = "Array(" + itemType + ")";
        }
        TemplateParameter p = new TemplateParameter(n.name(), type, literal(dflt), literal(c.keyword("description")),
                literal(c.keyword("example")), "True".equals(literal(c.keyword("required"))), errors.at(c.pos()));
        TemplateParameter known = declared.get(n.name());
        if (known == null || known.type().equals("String") && !c.function().equals("String")
                && known.defaultValue() == null && known.description() == null) {
            declared.put(n.name(), p);
        } else {
            declared.put(n.name(), new TemplateParameter(known.name(), known.type(),
                    known.defaultValue() != null ? known.defaultValue() : p.defaultValue(),
                    known.description() != null ? known.description() : p.description(),
                    known.example() != null ? known.example() : p.example(), known.required() || p.required(),
                    known.location()));
        }
    }

    private static String literal(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() == null ? null : l.value() instanceof String s ? s : PyValues.repr(l.value());
        }
        if (e instanceof Expr.Unary u && u.op().equals("-") && u.operand() instanceof Expr.Literal l
                && l.value() != null) {
            return "-" + PyValues.repr(l.value());
        }
        return null;
    }

    /** Every sub-expression, depth first (depth is bounded by the parser). */
    static void visit(Expr e, Consumer<Expr> visitor) {
        if (e == null) {
            return;
        }
        visitor.accept(e);
        if (e instanceof Expr.ListOf l) {
            l.items().forEach(i -> visit(i, visitor));
        } else if (e instanceof Expr.TupleOf t) {
            t.items().forEach(i -> visit(i, visitor));
        } else if (e instanceof Expr.DictOf d) {
            d.keys().forEach(i -> visit(i, visitor));
            d.values().forEach(i -> visit(i, visitor));
        } else if (e instanceof Expr.Unary u) {
            visit(u.operand(), visitor);
        } else if (e instanceof Expr.Binary b) {
            visit(b.left(), visitor);
            visit(b.right(), visitor);
        } else if (e instanceof Expr.Logical l) {
            visit(l.left(), visitor);
            visit(l.right(), visitor);
        } else if (e instanceof Expr.Compare c) {
            visit(c.first(), visitor);
            c.rest().forEach(i -> visit(i, visitor));
        } else if (e instanceof Expr.Conditional c) {
            visit(c.condition(), visitor);
            visit(c.then(), visitor);
            visit(c.otherwise(), visitor);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(i -> visit(i, visitor));
            c.keywordValues().forEach(i -> visit(i, visitor));
        } else if (e instanceof Expr.Index i) {
            visit(i.target(), visitor);
            visit(i.index(), visitor);
        } else if (e instanceof Expr.Slice s) {
            visit(s.target(), visitor);
            visit(s.lower(), visitor);
            visit(s.upper(), visitor);
            visit(s.step(), visitor);
        }
    }
}
