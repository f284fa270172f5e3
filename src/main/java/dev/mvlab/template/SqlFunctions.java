package dev.mvlab.template;

import dev.mvlab.sql.ParameterPlaceholders;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The template functions other than the type functions: defined, column, columns, symbol, table, sql_and,
 * sql_unescape, split_to_array, enumerate_with_last, max_threads, error, custom_error, tb_secret, tb_var, and the
 * Python built-ins len, str, int, float, abs, min, max.
 */
final class SqlFunctions {
    static final Set<String> NAMES = Set.of("defined", "column", "columns", "symbol", "table", "sql_and",
            "sql_unescape", "split_to_array", "enumerate_with_last", "max_threads", "error", "custom_error",
            "tb_secret", "tb_var", "len", "str", "int", "float", "abs", "min", "max");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Map<String, String> OPERATORS = Map.of("", "=", "eq", "=", "in", "in", "not_in", "not in",
            "gt", ">", "gte", ">=", "lt", "<", "lte", "<=", "neq", "!=", "ne", "!=");

    private SqlFunctions() {
    }

    static Object call(CallSite call) {
        return switch (call.function()) {
            case "defined" -> call.arg(0) != null;
            case "column" -> column(call);
            case "columns" -> columns(call);
            case "symbol" -> call.arg(0) == null ? null : new SqlText(SqlRender.identifier(TypeFunctions.str(call.arg(0))));
            case "table" -> table(call);
            case "sql_and" -> sqlAnd(call);
            case "sql_unescape" -> unescape(call);
            case "split_to_array" -> split(call);
            case "enumerate_with_last" -> withLast(call);
            case "max_threads" -> new SqlText("-- max_threads " + TypeFunctions.convert(call, "Int", call.arg(0)) + "\n");
            case "error" -> error(call);
            case "custom_error" -> customError(call);
            case "tb_secret", "tb_var" -> secret(call);
            default -> Builtins.call(call);
        };
    }

    private static Object column(CallSite call) {
        if (!call.has(1, "default")) {
            throw call.errors().syntax(call.pos(), "Missing column() default value, use "
                    + "`column(column_name, 'default_column_name')`", "give column() a default column name");
        }
        Object value = call.arg(0) != null ? call.arg(0) : call.arg(1, "default");
        return value == null ? null : new SqlText(SqlRender.column(requestName(call, TypeFunctions.str(value))));
    }

    private static Object columns(CallSite call) {
        if (!call.has(1, "default")) {
            throw call.errors().syntax(call.pos(), "Missing columns() default value, use "
                    + "`columns(column_names, 'default_column_name')`", "give columns() default column names");
        }
        Object value = call.arg(0) != null ? call.arg(0) : call.arg(1, "default");
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> || value instanceof PyTuple) {
            PyValues.iterate(value).forEach(v -> names.add(TypeFunctions.str(v).strip()));
        } else {
            for (String name : TypeFunctions.str(value).split(",", -1)) {
                names.add(requestName(call, name.strip()));
            }
        }
        Object fn = call.arg(2, "fn");
        if (fn != null && !IDENTIFIER.matcher(TypeFunctions.str(fn)).matches()) {
            throw call.errors().syntax(call.pos(), "columns() fn must be a function name, not '"
                    + TypeFunctions.str(fn) + "'", null);
        }
        StringBuilder sql = new StringBuilder();
        for (String name : names) {
            sql.append(sql.isEmpty() ? "" : ",");
            if (fn == null) {
                sql.append(SqlRender.column(name));
            } else {
                String alias = IDENTIFIER.matcher(name).matches() ? name : SqlRender.identifier(name);
                sql.append(TypeFunctions.str(fn)).append('(').append(SqlRender.column(name)).append(") as ")
                        .append(alias);
            }
        }
        return new SqlText(sql.toString());
    }

    /** A column name from the request must not be empty (ClickHouse cannot parse an empty identifier). */
    private static String requestName(CallSite call, String name) {
        if (call.requestValues() != null && name.replace("\"", "").isEmpty()) {
            throw call.errors().parameter(call.pos(), "Invalid column name '" + name + "' in parameter "
                    + call.parameterOrUnknown(), "pass column names separated by commas");
        }
        return name;
    }

    private static Object table(CallSite call) {
        Object value = call.arg(0) != null ? call.arg(0) : call.arg(1, "default");
        if (value == null) {
            return null;
        }
        String name = TypeFunctions.str(value);
        if (!TABLE.matcher(name).matches()) {
            throw call.errors().parameter(call.pos(), "Invalid table name '" + name + "'",
                    "a table name has letters, digits and _");
        }
        return new SqlText(name);
    }

    private static Object sqlAnd(CallSite call) {
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, Object> e : call.keywords().entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            int split = e.getKey().indexOf("__");
            String column = split < 0 ? e.getKey() : e.getKey().substring(0, split);
            String operand = split < 0 ? "" : e.getKey().substring(split + 2);
            String op = OPERATORS.get(operand);
            if (op == null) {
                throw call.errors().syntax(call.pos(), "operand " + operand + " not supported",
                        "sql_and() knows __in, __not_in, __gt, __gte, __lt, __lte and plain =");
            }
            sql.append(sql.isEmpty() ? "" : " and ").append(column).append(' ').append(op).append(' ')
                    .append(SqlRender.operand(e.getValue()));
        }
        return new SqlText(sql.toString());
    }

    private static Object unescape(CallSite call) {
        String sql = SqlRender.value(call.arg(0));
        Object chars = call.arg(1, "pattern");
        String pattern = chars == null ? "%" : TypeFunctions.str(chars);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '\\' && c != '\'') {
                sql = sql.replace("\\" + c, String.valueOf(c));
            }
        }
        return new SqlText(sql);
    }

    private static Object split(CallSite call) {
        Object value = call.arg(0);
        if (value == null) {
            value = call.has(1, "default") ? call.arg(1, "default") : "";
        }
        if (value instanceof List<?> || value instanceof PyTuple) {
            return new ArrayList<>(PyValues.iterate(value));
        }
        Object sep = call.arg(2, "separator");
        String separator = sep == null ? "," : TypeFunctions.str(sep);
        List<Object> items = new ArrayList<>();
        String text = TypeFunctions.str(value);
        for (String item : separator.isEmpty() ? new String[]{text} : text.split(Pattern.quote(separator), -1)) {
            items.add(item.strip());
        }
        return items;
    }

    private static Object withLast(CallSite call) {
        List<Object> items = PyValues.iterate(call.arg(0));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new PyTuple(List.of(i == items.size() - 1, items.get(i))));
        }
        return out;
    }

    private static Object error(CallSite call) {
        if (call.defaultsMode()) {
            return new SqlText("");
        }
        Object code = call.arg(1, "code");
        int status = code == null ? 400 : PyValues.number(code) == null ? 400 : PyValues.number(code).intValue();
        throw call.errors().raised(call.pos(), Errors.VALUE_ERROR, TypeFunctions.str(call.arg(0)), status, null);
    }

    private static Object customError(CallSite call) {
        if (call.defaultsMode()) {
            return new SqlText("");
        }
        Object body = call.arg(0);
        Object code = body instanceof Map<?, ?> m ? PyValues.dictGet(m, "code") : call.arg(1, "code");
        Number n = PyValues.number(code);
        int status = n == null ? 400 : n.intValue();
        throw call.errors().raised(call.pos(), "SQLTemplateCustomError", PyValues.repr(body), status,
                JsonValues.write(body));
    }

    /**
     * {@code tb_secret(name, default)} and {@code tb_var(...)}, as Tinybird renders them: the query parameter
     * {@code {name: String}}, whose value goes with the query when it runs, never into the SQL. A secret that is not
     * set gives its default; without a default an endpoint call fails with Tinybird's error, and a rendering without
     * a request (check, apply, copy pipes) gives the placeholder as Tinybird's test mode does: the statement that runs
     * it fails then, alone, naming the secret.
     */
    private static Object secret(CallSite call) {
        String name = TypeFunctions.str(call.arg(0));
        boolean set = call.state().secrets.lookup(name).isPresent();
        Object fallback = call.arg(1, "default");
        if (!set && fallback != null) {
            return fallback;
        }
        if (!set && call.state().mode != RenderMode.DEFAULTS) {
            throw call.errors().make(TemplateException.Kind.SECRET, call.pos(), Errors.SQL_TEMPLATE,
                    "Cannot access secret '" + name + "'. Check the secret exists in the Workspace and the token has "
                            + "the required scope.", "set the environment variable " + Secrets.ENV_PREFIX + name
                            + " or add `" + name + "=...` to " + Secrets.FILE + " in the project folder (keep that "
                            + "file out of git)");
        }
        if (!ParameterPlaceholders.isName(name)) {
            throw call.errors().make(TemplateException.Kind.SECRET, call.pos(), Errors.SQL_TEMPLATE, "secret name '"
                    + name + "' cannot be a ClickHouse query parameter",
                    "name secrets with letters, digits and underscores, such as aws_key");
        }
        return new SqlText(ParameterPlaceholders.string(name));
    }

    static BigInteger integer(long v) {
        return BigInteger.valueOf(v);
    }
}
