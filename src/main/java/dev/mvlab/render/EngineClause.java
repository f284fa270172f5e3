package dev.mvlab.render;

import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.TableEngine;
import dev.mvlab.sql.SqlTokenizer;
import dev.mvlab.sql.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the engine clause of a table from its {@link EngineSpec}: the engine's arguments (version, sign, summing
 * columns), the keys wrapped as tuples, and which clauses an engine takes. The parser validated the spec (only known
 * engines, each parameter on the engine that takes it, the required ones present), so this only arranges it; the
 * template only prints the result.
 */
final class EngineClause {
    private EngineClause() {
    }

    /**
     * The template model: name, args (list), partitionBy, primaryKey, orderBy, ttl, settings, sampleBy (absent when
     * unset). No spec is a MergeTree ordered by {@code tuple()}.
     */
    static Map<String, Object> model(EngineSpec spec) {
        TableEngine engine = spec == null || spec.engine() == null ? TableEngine.MERGE_TREE : spec.engine();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", engine.sqlName());
        if (engine.isMergeTree()) {
            model.put("args", spec == null ? List.of() : arguments(engine, spec));
            if (spec != null) {
                put(model, "partitionBy", spec.partitionKey());
                put(model, "primaryKey", key(spec.primaryKey()));
                put(model, "ttl", spec.ttl());
                put(model, "settings", spec.settings());
                put(model, "sampleBy", spec.samplingKey());
            }
            model.put("orderBy", spec == null || blank(spec.sortingKey()) ? "tuple()" : key(spec.sortingKey()));
        } else if (engine == TableEngine.JOIN) {
            List<String> args = new ArrayList<>(List.of(spec.join().strictness(), spec.join().type()));
            spec.join().keyColumns().forEach(k -> args.add(SqlNames.name(k)));
            model.put("args", args);
            put(model, "settings", spec.settings());
        } else {
            model.put("args", List.of());
        }
        return model;
    }

    private static List<String> arguments(TableEngine engine, EngineSpec spec) {
        List<String> args = new ArrayList<>();
        switch (engine) {
            case REPLACING_MERGE_TREE -> {
                if (!blank(spec.ver())) {
                    args.add(spec.ver().strip());
                    if (!blank(spec.isDeleted())) {
                        args.add(spec.isDeleted().strip());
                    }
                }
            }
            case SUMMING_MERGE_TREE -> {
                List<String> columns = spec.summingColumns() == null ? List.of() : spec.summingColumns();
                if (columns.size() == 1) {
                    args.add(columns.get(0).strip());
                } else if (columns.size() > 1) {
                    args.add("(" + String.join(", ", columns.stream().map(String::strip).toList()) + ")");
                }
            }
            case COLLAPSING_MERGE_TREE -> args.add(spec.sign().strip());
            case VERSIONED_COLLAPSING_MERGE_TREE -> {
                args.add(spec.sign().strip());
                args.add(spec.version().strip());
            }
            default -> {
            }
        }
        return args;
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
        for (Token token : SqlTokenizer.tokenize(expression)) {
            if (token.isSymbol('(') || token.isSymbol('[')) {
                depth++;
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                depth--;
            } else if (token.isSymbol(',') && depth == 0) {
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
