package dev.mvlab.template;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * How a value becomes SQL in {@code {{ }}}: strings as escaped single-quoted literals (a value can never end the
 * literal: backslashes and quotes are escaped, control characters written as escapes), typed numbers as
 * {@code toInt32('7')}, {@link SqlText} as is, other values as Python prints them.
 */
final class SqlRender {
    private SqlRender() {
    }

    static String value(Object v) {
        if (v instanceof SqlText s) {
            return s.sql();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof TypedNumber t) {
            String number = t.value() instanceof BigInteger i ? i.toString()
                    : PyValues.floatText(t.value().doubleValue());
            return "to" + t.clickHouse() + "('" + number + "')";
        }
        return PyValues.repr(v);
    }

    /** An item of a SQL array or an sql_and() operand: like {@link #value} but lists become SQL arrays. */
    static String operand(Object v) {
        if (v instanceof List<?> || v instanceof PyTuple) {
            StringBuilder s = new StringBuilder("[");
            List<Object> items = PyValues.iterate(v);
            for (int i = 0; i < items.size(); i++) {
                s.append(i == 0 ? "" : ",").append(operand(items.get(i)));
            }
            return s.append(']').toString();
        }
        if (v instanceof Map<?, ?>) {
            return quote(PyValues.repr(v));
        }
        if (v == null) {
            return "NULL";
        }
        return value(v);
    }

    /** A single-quoted SQL string literal, escaped the way Tinybird escapes parameter values. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '`' -> out.append("\\`");
                case '%' -> out.append("\\%");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** A backquoted identifier; backslashes, backquotes and quotes inside are escaped. */
    static String identifier(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('`');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '`' -> out.append("\\`");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('`').toString();
    }

    /** A column reference as column()/columns() write it: double quotes dropped, each dotted part backquoted. */
    static String column(String name) {
        String[] parts = name.replace("\"", "").split("\\.", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : ".").append(identifier(parts[i]));
        }
        return out.toString();
    }
}
