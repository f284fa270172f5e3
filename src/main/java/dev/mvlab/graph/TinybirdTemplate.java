package dev.mvlab.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the simple case of Tinybird template SQL (a node whose SQL starts with a {@code %} line) into plain SQL, as
 * if the endpoint were called without parameters: {@code {{ Type(var, default) }}} becomes the default as a SQL
 * literal, {@code {% if defined(var) %}...{% end %}} is dropped (its {@code {% else %}} part kept) and
 * {@code {% if not defined(var) %}...{% end %}} is kept. Anything else is rejected with its position. Line breaks
 * are kept, so positions in the result are positions in the datafile.
 */
final class TinybirdTemplate {
    private static final Pattern TYPED = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*)\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:,\\s*(.*))?\\)", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IF_DEFINED = Pattern.compile(
            "if\\s+(not\\s+)?defined\\s*\\(\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Set<String> QUOTED_TYPES = Set.of("String", "Date", "DateTime", "DateTime64");
    private static final Set<String> NUMBER_TYPES = Set.of("Int", "Integer", "Int8", "Int16", "Int32", "Int64",
            "Int128", "Int256", "UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256", "Float32", "Float64");

    /** A template construct that cannot be turned into plain SQL, at an offset of the node's SQL. */
    static final class Unsupported extends RuntimeException {
        final int offset;
        final String hint;

        Unsupported(int offset, String message, String hint) {
            super(message);
            this.offset = offset;
            this.hint = hint;
        }
    }

    private TinybirdTemplate() {
    }

    static boolean isTemplate(String sql) {
        return sql.stripLeading().startsWith("%");
    }

    static String expand(String sql) {
        if (!isTemplate(sql)) {
            return sql;
        }
        int percent = sql.indexOf('%');
        int lineEnd = sql.indexOf('\n', percent);
        StringBuilder out = new StringBuilder(sql.substring(0, percent));
        int i = lineEnd < 0 ? sql.length() : lineEnd;
        Deque<boolean[]> blocks = new ArrayDeque<>(); // {keepThen, inElse}
        while (i < sql.length()) {
            boolean keeping = blocks.stream().allMatch(b -> b[0] != b[1]);
            if (sql.startsWith("{{", i)) {
                int end = closing(sql, i, "}}");
                if (keeping) {
                    out.append(value(sql.substring(i + 2, end).strip(), i));
                }
                keepLineBreaks(sql, i, end + 2, out);
                i = end + 2;
            } else if (sql.startsWith("{%", i)) {
                int end = closing(sql, i, "%}");
                directive(sql.substring(i + 2, end).strip(), i, blocks);
                keepLineBreaks(sql, i, end + 2, out);
                i = end + 2;
            } else {
                char c = sql.charAt(i);
                if (keeping || c == '\n') {
                    out.append(c);
                }
                i++;
            }
        }
        if (!blocks.isEmpty()) {
            throw new Unsupported(sql.length(), "a {% if %} block is not closed", "end it with {% end %}");
        }
        return out.toString();
    }

    private static void directive(String body, int offset, Deque<boolean[]> blocks) {
        Matcher ifDefined = IF_DEFINED.matcher(body);
        if (ifDefined.matches()) {
            blocks.push(new boolean[]{ifDefined.group(1) != null, false});
        } else if (body.equals("else")) {
            if (blocks.isEmpty()) {
                throw new Unsupported(offset, "{% else %} without {% if %}", null);
            }
            blocks.peek()[1] = true;
        } else if (body.equals("end")) {
            if (blocks.isEmpty()) {
                throw new Unsupported(offset, "{% end %} without {% if %}", null);
            }
            blocks.pop();
        } else {
            throw new Unsupported(offset, "unsupported template directive {% " + body + " %}",
                    "mvlab renders templates as if called without parameters: only {% if defined(x) %}, "
                            + "{% if not defined(x) %}, {% else %} and {% end %} are supported");
        }
    }

    private static String value(String expression, int offset) {
        if (BARE.matcher(expression).matches()) {
            throw new Unsupported(offset, "template parameter `" + expression + "` has no default value",
                    "write it with a type and a default, e.g. {{ String(" + expression + ", 'value') }}");
        }
        Matcher typed = TYPED.matcher(expression);
        if (!typed.matches()) {
            throw new Unsupported(offset, "unsupported template expression {{ " + expression + " }}",
                    "only {{ Type(name, default) }} is supported, e.g. {{ Int32(limit, 10) }}");
        }
        String type = typed.group(1);
        if (!QUOTED_TYPES.contains(type) && !NUMBER_TYPES.contains(type) && !type.equals("Boolean")) {
            throw new Unsupported(offset, "unsupported template expression {{ " + expression + " }}",
                    "only {{ Type(name, default) }} is supported, with the types String, Date, DateTime, "
                            + "DateTime64, Boolean and the Int/UInt/Float types");
        }
        String argument = typed.group(3) == null ? "" : firstArgument(typed.group(3).strip());
        if (argument.isEmpty() || argument.equals("None")) {
            throw new Unsupported(offset, "template parameter `" + typed.group(2) + "` has no default value",
                    "add a default: {{ " + type + "(" + typed.group(2) + ", ...) }}");
        }
        String literal = unquote(argument);
        if (QUOTED_TYPES.contains(type)) {
            return "'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (NUMBER_TYPES.contains(type) && NUMBER.matcher(literal).matches()) {
            return literal;
        }
        if (type.equals("Boolean")) {
            return literal.equalsIgnoreCase("true") || literal.equals("1") ? "1" : "0";
        }
        throw new Unsupported(offset, "unsupported template value {{ " + expression + " }}",
                "supported types: String, Date, DateTime, DateTime64, Boolean and the Int/UInt/Float types");
    }

    /** The default argument: a quoted string or a bare token, up to the next top-level comma. */
    private static String firstArgument(String arguments) {
        if (arguments.startsWith("'") || arguments.startsWith("\"")) {
            char quote = arguments.charAt(0);
            for (int i = 1; i < arguments.length(); i++) {
                if (arguments.charAt(i) == '\\') {
                    i++;
                } else if (arguments.charAt(i) == quote) {
                    return arguments.substring(0, i + 1);
                }
            }
            return arguments;
        }
        int comma = arguments.indexOf(',');
        return (comma < 0 ? arguments : arguments.substring(0, comma)).strip();
    }

    private static String unquote(String argument) {
        if (argument.length() >= 2 && (argument.startsWith("'") && argument.endsWith("'")
                || argument.startsWith("\"") && argument.endsWith("\""))) {
            return argument.substring(1, argument.length() - 1).replace("\\'", "'").replace("\\\"", "\"");
        }
        return argument;
    }

    private static int closing(String sql, int start, String close) {
        int end = sql.indexOf(close, start + 2);
        if (end < 0) {
            throw new Unsupported(start, "template tag is not closed with " + close, null);
        }
        return end;
    }

    private static void keepLineBreaks(String sql, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            if (sql.charAt(i) == '\n') {
                out.append('\n');
            }
        }
    }
}
