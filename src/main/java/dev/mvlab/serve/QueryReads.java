package dev.mvlab.serve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query reads, as ClickHouse resolved it: read from the text of {@code EXPLAIN QUERY TREE} (the analyzer's
 * tree, with CTEs, aliases, subqueries, IN, JOINs and views resolved to the tables they name).
 *
 * @param tables         the tables and views read, as {@code database.table}
 * @param tableFunctions the table functions called
 * @param lookups        the dictionaries and Join tables named by dictGet/joinGet-like functions, as
 *                       {@code database.name}; null elements for names ClickHouse did not resolve to a constant
 * @param settings       the SETTINGS clauses of the query and its subqueries, as ClickHouse prints them
 * @param unresolved     true when the tree still holds an unresolved identifier (then nothing is certain)
 */
record QueryReads(List<String> tables, List<String> tableFunctions, List<String> lookups, List<String> settings,
                  boolean unresolved) {
    /** A table; FINAL and SAMPLE follow its name as {@code , final: 1, sample_size: 1 / 2}. */
    private static final Pattern TABLE = Pattern.compile(
            "^TABLE id: \\d+, (?:alias: \\S+, )?table_name: (.*?)((?:, (?:final|sample_size|sample_offset): [^,]*)*)$");
    private static final Pattern TABLE_FUNCTION = Pattern.compile(
            "^TABLE_FUNCTION id: \\d+, (?:alias: \\S+, )?table_function_name: (\\S+)");
    private static final Pattern FUNCTION = Pattern.compile("^FUNCTION id: \\d+, function_name: ([^,]+),");
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "^CONSTANT id: \\d+, constant_value: '((?:[^'\\\\]|\\\\.)*)', constant_value_type: ");

    /** Reads the tree printed by {@code EXPLAIN QUERY TREE ... FORMAT TSVRaw}; {@code database} qualifies lookups. */
    static QueryReads parse(String tree, String database) {
        List<String> lines = tree.lines().toList();
        List<String> tables = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        boolean unresolved = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            Matcher m;
            if ((m = TABLE.matcher(line)).matches()) {
                tables.add(m.group(1));
            } else if ((m = TABLE_FUNCTION.matcher(line)).find()) {
                functions.add(m.group(1));
            } else if ((m = FUNCTION.matcher(line)).find() && readsByName(m.group(1))) {
                lookups.add(firstArgument(lines, i, database));
            } else if (line.startsWith("SETTINGS ")) {
                settings.add(line.substring("SETTINGS ".length()));
            } else if (line.startsWith("IDENTIFIER ")) {
                unresolved = true;
            }
        }
        return new QueryReads(List.copyOf(tables), List.copyOf(functions),
                Collections.unmodifiableList(lookups), List.copyOf(settings), unresolved);
    }

    /** Functions whose first argument names a dictionary or a Join table to read. */
    private static boolean readsByName(String function) {
        String name = function.toLowerCase(Locale.ROOT);
        return name.startsWith("dict") || name.startsWith("joinget");
    }

    /** The function's first argument: FUNCTION, then ARGUMENTS, LIST, and the argument two levels deeper each. */
    private static String firstArgument(List<String> lines, int function, String database) {
        int depth = indent(lines.get(function));
        if (function + 3 >= lines.size() || indent(lines.get(function + 3)) != depth + 6) {
            return null;
        }
        Matcher constant = STRING_CONSTANT.matcher(lines.get(function + 3).stripLeading());
        if (!constant.find()) {
            return null;
        }
        String name = constant.group(1).replaceAll("\\\\(.)", "$1");
        return name.contains(".") ? name : database + "." + name;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
