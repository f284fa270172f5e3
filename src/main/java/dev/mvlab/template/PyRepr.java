package dev.mvlab.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's repr() and str() of floats, as Tinybird's templates print lists, dicts, numbers and booleans. */
final class PyRepr {
    private PyRepr() {
    }

    /** Python's repr(): strings quoted, lists and dicts with their elements' reprs. */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof TypedNumber t) {
            return repr(t.value());
        }
        if (v instanceof BigInteger i) {
            return i.toString();
        }
        if (v instanceof Double d) {
            return floatText(d);
        }
        if (PyValues.isText(v)) {
            return strRepr(PyValues.text(v));
        }
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(repr(l.get(i)));
            }
            return s.append(']').toString();
        }
        if (v instanceof PyTuple t) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                s.append(i == 0 ? "" : ", ").append(repr(t.items().get(i)));
            }
            return s.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                s.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                first = false;
            }
            return s.append('}').toString();
        }
        return String.valueOf(v);
    }

    static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python's str() of a float: {@code 2.0}, {@code 0.1}, {@code 1e-05}, {@code 1e+16}, {@code inf}. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d));
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -5 && exponent < 16) {
            String plain = exact.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal mantissa = exact.movePointLeft(exponent).stripTrailingZeros();
        String m = mantissa.toPlainString();
        return m + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
