package dev.mvlab.template;

import java.math.BigInteger;
import java.util.List;

/** The Python built-ins templates may call: len, str, int, float, abs, min, max. */
final class Builtins {
    private Builtins() {
    }

    static Object call(CallSite call) {
        Object a = call.arg(0);
        return switch (call.function()) {
            case "len" -> BigInteger.valueOf(PyValues.len(a));
            case "str" -> TypeFunctions.str(a);
            case "int" -> {
                Object v = TypeFunctions.tryConvert("Int", a instanceof Double d ? BigInteger.valueOf(d.longValue())
                        : PyValues.isText(a) ? PyValues.text(a).strip() : a);
                if (v == null) {
                    throw new PyValues.PyError("invalid literal for int(): " + PyValues.repr(a));
                }
                yield v;
            }
            case "float" -> {
                Object v = TypeFunctions.tryConvert("Float64", PyValues.isText(a) ? PyValues.text(a).strip() : a);
                if (v == null) {
                    throw new PyValues.PyError("could not convert string to float: " + PyValues.repr(a));
                }
                yield ((TypedNumber) v).value();
            }
            case "abs" -> {
                Number n = PyValues.number(a);
                if (n == null) {
                    throw new PyValues.PyError("bad operand type for abs(): '" + PyValues.typeName(a) + "'");
                }
                yield n instanceof BigInteger i ? i.abs() : (Object) Math.abs(n.doubleValue());
            }
            case "min", "max" -> extreme(call);
            default -> throw call.errors().syntax(call.pos(), "Invalid function name: " + call.function(), null);
        };
    }

    private static Object extreme(CallSite call) {
        List<Object> items = call.args().size() == 1 ? PyValues.iterate(call.arg(0)) : call.args();
        if (items.isEmpty()) {
            throw new PyValues.PyError(call.function() + "() arg is an empty sequence");
        }
        Object best = items.get(0);
        for (Object item : items) {
            int c = PyValues.compare(item, best, "<");
            if (call.function().equals("min") ? c < 0 : c > 0) {
                best = item;
            }
        }
        return best;
    }
}
