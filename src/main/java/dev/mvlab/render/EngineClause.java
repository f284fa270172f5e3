package dev.mvlab.render;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the engine clause of a table from its {@link EngineSpec}: the engine's arguments (version, sign, summing
 * columns), the keys wrapped as tuples, and which clauses an engine takes. The template only prints the result.
 */
final class EngineClause {
    static final Set<String> MERGE_TREES = Set.of("MergeTree", "ReplacingMergeTree", "AggregatingMergeTree",
            "SummingMergeTree", "CollapsingMergeTree", "VersionedCollapsingMergeTree", "CoalescingMergeTree");
    static final Set<String> WITHOUT_KEYS = Set.of("Null", "Memory", "Log", "TinyLog", "StripeLog");

    private EngineClause() {
    }

    /** The template model: name, args (list), partitionBy, primaryKey, orderBy, ttl, settings (absent when unset). */
    static Map<String, Object> model(Path root, EngineSpec spec, SourceLocation fallback) {
        String name = spec == null || blank(spec.engine()) ? "MergeTree" : spec.engine().strip();
        SourceLocation at = spec != null && spec.location() != null ? spec.location() : fallback;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        if (MERGE_TREES.contains(name)) {
            model.put("args", arguments(root, name, spec, at));
            if (spec != null) {
                put(model, "partitionBy", spec.partitionKey());
                put(model, "primaryKey", key(spec.primaryKey()));
                put(model, "ttl", spec.ttl());
                put(model, "settings", spec.settings());
                put(model, "sampleBy", spec.samplingKey());
            }
            model.put("orderBy", spec == null || blank(spec.sortingKey()) ? "tuple()" : key(spec.sortingKey()));
            return model;
        }
        if (name.equals("Join") && spec != null && spec.join() != null) {
            List<String> args = new ArrayList<>(List.of(spec.join().strictness(), spec.join().type()));
            spec.join().keyColumns().forEach(k -> args.add(SqlNames.name(k)));
            model.put("args", args);
            put(model, "settings", spec.settings());
            return model;
        }
        if (!WITHOUT_KEYS.contains(name)) {
            throw DatafileException.at(root, at, "unknown ENGINE `" + name + "`",
                    "use one of " + String.join(", ", new java.util.TreeSet<>(MERGE_TREES)) + " or Null");
        }
        if (spec != null && (!blank(spec.sortingKey()) || !blank(spec.partitionKey()) || !blank(spec.primaryKey())
                || !blank(spec.ttl()))) {
            throw DatafileException.at(root, at, "ENGINE " + name + " takes no sorting, partition or primary key and no TTL",
                    "remove the ENGINE_* key lines, or use a MergeTree engine");
        }
        model.put("args", List.of());
        return model;
    }

    private static List<String> arguments(Path root, String engine, EngineSpec spec, SourceLocation at) {
        List<String> args = new ArrayList<>();
        if (spec == null) {
            return args;
        }
        switch (engine) {
            case "ReplacingMergeTree" -> {
                if (!blank(spec.ver())) {
                    args.add(spec.ver().strip());
                    if (!blank(spec.isDeleted())) {
                        args.add(spec.isDeleted().strip());
                    }
                } else if (!blank(spec.isDeleted())) {
                    throw DatafileException.at(root, at, "ENGINE_IS_DELETED needs ENGINE_VER",
                            "add ENGINE_VER with the version column");
                }
            }
            case "SummingMergeTree" -> {
                List<String> columns = spec.summingColumns() == null ? List.of() : spec.summingColumns();
                if (columns.size() == 1) {
                    args.add(columns.get(0).strip());
                } else if (columns.size() > 1) {
                    args.add("(" + String.join(", ", columns.stream().map(String::strip).toList()) + ")");
                }
            }
            case "CollapsingMergeTree" -> args.add(required(root, spec.sign(), "ENGINE_SIGN", engine, at));
            case "VersionedCollapsingMergeTree" -> {
                args.add(required(root, spec.sign(), "ENGINE_SIGN", engine, at));
                args.add(required(root, spec.version(), "ENGINE_VERSION", engine, at));
            }
            default -> {
            }
        }
        return args;
    }

    private static String required(Path root, String value, String instruction, String engine, SourceLocation at) {
        if (blank(value)) {
            throw DatafileException.at(root, at, engine + " needs " + instruction,
                    "add " + instruction + " with the column");
        }
        return value.strip();
    }

    /** A key of several expressions becomes a tuple: {@code a, b} is written {@code (a, b)}. */
    static String key(String expression) {
        if (blank(expression)) {
            return null;
        }
        String key = expression.strip();
        return hasTopLevelComma(key) ? "(" + key + ")" : key;
    }

    private static boolean hasTopLevelComma(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static void put(Map<String, Object> model, String key, String value) {
        if (!blank(value)) {
            model.put(key, value.strip());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
