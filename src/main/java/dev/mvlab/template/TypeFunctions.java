package dev.mvlab.template;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type functions that declare and validate a parameter: {@code String}, {@code Boolean}, {@code Int}/{@code
 * Integer}, {@code Int8..Int256}, {@code UInt8..UInt256}, {@code Float32/64}, {@code Date}, {@code DateTime},
 * {@code DateTime64}, {@code Array} and {@code JSON}.
 */
final class TypeFunctions {
    static final Set<String> SCALARS = Set.of("String", "Boolean", "Int", "Integer", "Int8", "Int16", "Int32", "Int64",
            "Int128", "Int256", "UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256", "Float32", "Float64",
            "Date", "DateTime", "DateTime64");
    static final Set<String> ALL = union(SCALARS, Set.of("Array", "JSON"));

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|inf|nan|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");

    private TypeFunctions() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static Object call(CallSite call) {
        return switch (call.function()) {
            case "Array" -> array(call);
            case "JSON" -> json(call);
            default -> scalar(call, call.function());
        };
    }

    private static Object scalar(CallSite call, String type) {
        Object value = call.arg(0);
        if (value == null) {
            value = call.arg(1, "default");
            if (value == null) {
                return missing(call, placeholder(type));
            }
        }
        return convert(call, type, value);
    }

    /** No value and no default: None with {@code defined=False}, a placeholder in DEFAULTS mode, else an error. */
    private static Object missing(CallSite call, Object placeholder) {
        if (!call.flag("defined", true)) {
            return null;
        }
        if (call.defaultsMode()) {
            return placeholder;
        }
        // Tinybird lists every parameter without a default, not only this one
        List<String> names = call.state().withoutDefault.isEmpty() ? List.of(call.parameterOrUnknown())
                : call.state().withoutDefault;
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        throw call.errors().parameter(call.pos(), "Required parameter is not defined. Check the parameters "
                + listed + ". Please provide a value or set a default value in the pipe code.",
                "pass `" + call.parameterOrUnknown() + "`, or give the parameter a default");
    }

    static Object placeholder(String type) {
        return switch (type) {
            case "String" -> "";
            case "Boolean", "Int", "Integer" -> BigInteger.ZERO;
            case "Float32", "Float64" -> new TypedNumber(0.0, type);
            case "Date" -> "2019-01-01";
            case "DateTime", "DateTime64" -> "2019-01-01 00:00:00";
            default -> new TypedNumber(BigInteger.ZERO, type);
        };
    }

    static Object convert(CallSite call, String type, Object value) {
        Object converted = tryConvert(type, value);
        if (converted == null) {
            throw call.errors().parameter(call.pos(), "Error validating '" + str(value) + "' to type " + type,
                    hint(type));
        }
        return converted;
    }

    /** The value as the type, or null when it does not validate. */
    static Object tryConvert(String type, Object value) {
        switch (type) {
            case "String":
                return PyValues.isText(value) ? PyValues.text(value) : str(value);
            case "Boolean":
                if (PyValues.isText(value)) {
                    String s = PyValues.text(value).strip().toLowerCase(java.util.Locale.ROOT);
                    return s.equals("false") || s.equals("0") || s.isEmpty() ? BigInteger.ZERO : BigInteger.ONE;
                }
                return PyValues.truthy(value) ? BigInteger.ONE : BigInteger.ZERO;
            case "Date":
                return PyValues.isText(value) && isDate(PyValues.text(value)) ? PyValues.text(value) : null;
            case "DateTime", "DateTime64":
                return PyValues.isText(value) && isDateTime(PyValues.text(value)) ? PyValues.text(value) : null;
            case "Float32", "Float64": {
                Double d = toDouble(value);
                return d == null ? null : new TypedNumber(d, type);
            }
            default: {
                BigInteger i = toInteger(value);
                if (i == null) {
                    return null;
                }
                if (type.equals("Int") || type.equals("Integer")) {
                    return i;
                }
                return inRange(type, i) ? new TypedNumber(i, type) : null;
            }
        }
    }

    private static BigInteger toInteger(Object value) {
        if (value instanceof Boolean || value instanceof Double) {
            return null;
        }
        Number n = PyValues.number(value);
        if (n instanceof BigInteger i) {
            return i;
        }
        if (PyValues.isText(value) && INTEGER.matcher(PyValues.text(value)).matches()
                && PyValues.text(value).length() < 100) {
            return new BigInteger(PyValues.text(value));
        }
        return null;
    }

    private static Double toDouble(Object value) {
        Number n = PyValues.number(value);
        if (n != null && !(value instanceof Boolean)) {
            return n.doubleValue();
        }
        if (PyValues.isText(value) && PyValues.text(value).length() < 400
                && FLOAT.matcher(PyValues.text(value)).matches()) {
            String s = PyValues.text(value).toLowerCase(java.util.Locale.ROOT);
            if (s.contains("inf") || s.contains("nan")) {
                return s.contains("nan") ? Double.NaN : s.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(s);
        }
        return null;
    }

    private static boolean inRange(String type, BigInteger i) {
        boolean unsigned = type.startsWith("U");
        int bits = Integer.parseInt(type.substring(unsigned ? 4 : 3));
        if (unsigned) {
            return i.signum() >= 0 && i.bitLength() <= bits;
        }
        return i.bitLength() <= bits - 1;
    }

    static boolean isDate(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static boolean isDateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches() || !isDate(m.group(1))) {
            return false;
        }
        try {
            LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static String hint(String type) {
        return switch (type) {
            case "Date" -> "write the date as YYYY-MM-DD";
            case "DateTime", "DateTime64" -> "write the date and time as YYYY-MM-DD hh:mm:ss";
            case "Boolean" -> "write true or false";
            default -> "pass a value of type " + type;
        };
    }

    static String str(Object value) {
        return PyValues.isText(value) ? PyValues.text(value) : PyValues.repr(value);
    }

    /** {@code Array(name, 'Type', default)}: the values split on commas, each validated, written as a SQL array. */
    private static Object array(CallSite call) {
        Object typeArg = call.arg(1, "type");
        String type = typeArg == null ? "String" : str(typeArg);
        Object positionalDefault = call.arg(2);
        if (!SCALARS.contains(type) && call.args().size() == 2 && !call.keywords().containsKey("default")) {
            // Array(colors, 'black') in Tinybird's older docs: the second argument is the default
            positionalDefault = typeArg;
            type = "String";
        }
        if (!SCALARS.contains(type)) {
            throw call.errors().syntax(call.pos(), "unknown Array() item type '" + type + "'",
                    "use one of " + String.join(", ", new java.util.TreeSet<>(SCALARS)));
        }
        List<String> raw = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        Object value = call.requestValues() != null ? null : call.arg(0);
        if (call.requestValues() != null) {
            raw.addAll(call.requestValues());
        } else if (value == null) {
            value = positionalDefault != null ? positionalDefault : call.keywords().get("default");
        }
        if (raw.isEmpty()) {
            if (value == null) {
                return missing(call, new SqlText("[" + arrayItem(placeholder(type)) + "]"));
            }
            if (value instanceof List<?> || value instanceof PyTuple) {
                items.addAll(PyValues.iterate(value));
            } else {
                raw.add(str(value));
            }
        }
        String joined = String.join(",", raw);
        for (String r : raw) {
            items.addAll(List.of((Object[]) r.split(",", -1)));
        }
        StringBuilder sql = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            Object item = tryConvert(type, items.get(i));
            if (item == null) {
                throw call.errors().parameter(call.pos(), "Error validating " + joined + "[" + i + "]("
                        + str(items.get(i)) + ") to type " + type, hint(type) + ", separated by commas");
            }
            sql.append(i == 0 ? "" : ",").append(arrayItem(item));
        }
        return new SqlText(sql.append(']').toString());
    }

    private static String arrayItem(Object item) {
        if (item instanceof TypedNumber t) {
            return t.value() instanceof BigInteger i ? i.toString() : PyValues.floatText(t.value().doubleValue());
        }
        return SqlRender.operand(item);
    }

    private static Object json(CallSite call) {
        Object value = call.arg(0);
        if (value == null) {
            value = call.arg(1, "default");
            if (value == null) {
                return missing(call, Map.of());
            }
        }
        if (!PyValues.isText(value)) {
            return value;
        }
        try {
            return JsonValues.parse(PyValues.text(value));
        } catch (IllegalArgumentException e) {
            throw call.errors().parameter(call.pos(), "Error validating '" + str(value) + "' to type JSON",
                    "pass valid JSON");
        }
    }
}
