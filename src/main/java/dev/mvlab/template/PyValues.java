package dev.mvlab.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Python's semantics for the values templates compute with: {@code null} is None, {@link Boolean}, {@link BigInteger}
 * (int), {@link Double} (float), {@link String} (str; {@link SqlText} too), {@link List} (list), {@link PyTuple},
 * {@link Map} (dict) and {@link TypedNumber}. Failures throw {@link PyError} with Python's message.
 */
final class PyValues {
    /** Results bigger than this are refused, so a template cannot exhaust memory. */
    static final int MAX_INT_BITS = 4096;
    static final int MAX_SEQUENCE = 1_000_000;

    /** A Python error (TypeError, ZeroDivisionError, ...), located by the evaluator. */
    static final class PyError extends RuntimeException {
        PyError(String message) {
            super(message, null, false, false);
        }
    }

    private PyValues() {
    }

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof BigInteger || v instanceof TypedNumber t && t.value() instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double || v instanceof TypedNumber) {
            return "float";
        }
        if (v instanceof String || v instanceof SqlText) {
            return "str";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        return v instanceof Map ? "dict" : v.getClass().getSimpleName();
    }

    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        Number n = number(v);
        if (n != null) {
            return n instanceof BigInteger i ? i.signum() != 0 : n.doubleValue() != 0.0;
        }
        if (v instanceof String || v instanceof SqlText) {
            return !text(v).isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof PyTuple t) {
            return !t.items().isEmpty();
        }
        return !(v instanceof Map<?, ?> m) || !m.isEmpty();
    }

    /** The number a value stands for (bools are ints), or null. */
    static Number number(Object v) {
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (v instanceof BigInteger || v instanceof Double) {
            return (Number) v;
        }
        return v instanceof TypedNumber t ? t.value() : null;
    }

    static boolean isText(Object v) {
        return v instanceof String || v instanceof SqlText;
    }

    static String text(Object v) {
        return v instanceof SqlText s ? s.sql() : (String) v;
    }

    static boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        Number x = number(a);
        Number y = number(b);
        if (x != null && y != null) {
            return compareNumbers(x, y) == 0;
        }
        if (isText(a) && isText(b)) {
            return text(a).equals(text(b));
        }
        // A request value compared with a list compares as the comma-split list (Tinybird's Array parameters)
        if (a instanceof String s && b instanceof List<?> l) {
            return eq(splitCommas(s), l);
        }
        if (b instanceof String s && a instanceof List<?> l) {
            return eq(l, splitCommas(s));
        }
        List<?> la = a instanceof PyTuple t ? t.items() : a instanceof List<?> l ? l : null;
        List<?> lb = b instanceof PyTuple t ? t.items() : b instanceof List<?> l ? l : null;
        if (la != null && lb != null && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!eq(e.getValue(), dictGet(mb, e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static List<Object> splitCommas(String s) {
        return new ArrayList<>(List.of((Object[]) s.split(",", -1)));
    }

    static int compare(Object a, Object b, String op) {
        Number x = number(a);
        Number y = number(b);
        if (x != null && y != null) {
            return compareNumbers(x, y);
        }
        if (isText(a) && isText(b)) {
            return text(a).compareTo(text(b));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw new PyError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    static int compareNumbers(Number x, Number y) {
        if (x instanceof BigInteger i && y instanceof BigInteger j) {
            return i.compareTo(j);
        }
        return Double.compare(x.doubleValue(), y.doubleValue()) == 0 ? 0
                : x.doubleValue() < y.doubleValue() ? -1 : 1;
    }

    static boolean contains(Object container, Object item) {
        if (isText(container)) {
            if (!isText(item)) {
                throw new PyError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return text(container).contains(text(item));
        }
        if (container instanceof Map<?, ?> m) {
            return m.keySet().stream().anyMatch(k -> eq(k, item));
        }
        return iterate(container).stream().anyMatch(e -> eq(e, item));
    }

    static Object dictGet(Map<?, ?> map, Object key) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (eq(e.getKey(), key)) {
                return e.getValue();
            }
        }
        return null;
    }

    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList(l);
        }
        if (v instanceof PyTuple t) {
            return t.items();
        }
        if (isText(v)) {
            List<Object> chars = new ArrayList<>();
            text(v).codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
            return chars;
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        throw new PyError("'" + typeName(v) + "' object is not iterable");
    }

    static int len(Object v) {
        if (isText(v)) {
            return text(v).codePointCount(0, text(v).length());
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof List<?> || v instanceof PyTuple) {
            return iterate(v).size();
        }
        throw new PyError("object of type '" + typeName(v) + "' has no len()");
    }

    static Object index(Object target, Object key) {
        if (target instanceof Map<?, ?> m) {
            if (!contains(m, key)) {
                throw new PyError("KeyError: " + repr(key));
            }
            return dictGet(m, key);
        }
        List<Object> items = sequence(target);
        Number n = number(key);
        if (!(n instanceof BigInteger i)) {
            throw new PyError(typeName(target) + " indices must be integers, not " + typeName(key));
        }
        long k = i.longValue();
        if (k < 0) {
            k += items.size();
        }
        if (k < 0 || k >= items.size() || i.bitLength() > 31) {
            throw new PyError(typeName(target) + " index out of range");
        }
        return items.get((int) k);
    }

    static Object slice(Object target, Object lower, Object upper, Object step) {
        List<Object> items = sequence(target);
        int size = items.size();
        int st = step == null ? 1 : clampInt(step);
        if (st == 0) {
            throw new PyError("slice step cannot be zero");
        }
        int lo = lower == null ? (st > 0 ? 0 : size - 1) : bound(clampInt(lower), size, st);
        int hi = upper == null ? (st > 0 ? size : -1) : bound(clampInt(upper), size, st);
        List<Object> out = new ArrayList<>();
        for (int k = lo; st > 0 ? k < hi : k > hi; k += st) {
            out.add(items.get(k));
        }
        if (isText(target)) {
            StringBuilder s = new StringBuilder();
            out.forEach(o -> s.append((String) o));
            return s.toString();
        }
        return target instanceof PyTuple ? new PyTuple(List.copyOf(out)) : out;
    }

    private static int bound(int v, int size, int step) {
        int k = v < 0 ? v + size : v;
        if (step > 0) {
            return Math.max(0, Math.min(k, size));
        }
        return Math.max(-1, Math.min(k, size - 1));
    }

    private static int clampInt(Object v) {
        Number n = number(v);
        if (!(n instanceof BigInteger i)) {
            throw new PyError("slice indices must be integers or None");
        }
        return i.bitLength() > 31 ? (i.signum() < 0 ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2) : i.intValue();
    }

    private static List<Object> sequence(Object v) {
        if (v instanceof List<?> || v instanceof PyTuple || isText(v)) {
            return iterate(v);
        }
        throw new PyError("'" + typeName(v) + "' object is not subscriptable");
    }

    static String repr(Object v) {
        return PyRepr.repr(v);
    }

    static String floatText(double d) {
        return PyRepr.floatText(d);
    }
}
