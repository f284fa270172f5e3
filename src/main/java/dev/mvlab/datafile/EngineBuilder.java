package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.TableEngine;
import dev.mvlab.model.Warning;
import dev.mvlab.sql.SqlShape;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects {@code ENGINE*} instructions (of a data source, or inline in a materialized node) and checks them into
 * an {@link EngineSpec}. Without ENGINE the engine is MergeTree; without a sorting key a MergeTree-family engine
 * gets {@code tuple()} and a warning.
 */
final class EngineBuilder {
    static final Set<String> KEYWORDS = Set.of("ENGINE", "ENGINE_SORTING_KEY", "ENGINE_PARTITION_KEY",
            "ENGINE_PRIMARY_KEY", "ENGINE_TTL", "ENGINE_VER", "ENGINE_IS_DELETED", "ENGINE_SIGN", "ENGINE_VERSION",
            "ENGINE_SUMMING_COLUMNS", "ENGINE_SETTINGS", "ENGINE_SAMPLING_KEY", "ENGINE_JOIN_STRICTNESS",
            "ENGINE_JOIN_TYPE", "ENGINE_KEY_COLUMNS");
    private static final Set<String> JOIN_KEYWORDS = Set.of("ENGINE_JOIN_STRICTNESS", "ENGINE_JOIN_TYPE",
            "ENGINE_KEY_COLUMNS");
    static final String DEFAULT_SORTING_KEY = "tuple()";

    private final Map<String, Instruction> seen = new LinkedHashMap<>();

    /** Takes an ENGINE* instruction; false when the keyword is not one. */
    boolean accept(Instruction instruction) {
        if (!KEYWORDS.contains(instruction.keyword())) {
            return false;
        }
        Instruction first = seen.putIfAbsent(instruction.keyword(), instruction);
        if (first != null) {
            throw instruction.error(instruction.keyword() + " is given twice (first at line "
                    + first.line().number() + ")", "keep one " + instruction.keyword() + " line");
        }
        return true;
    }

    boolean isEmpty() {
        return seen.isEmpty();
    }

    /** The first ENGINE* instruction, for error locations; null when there is none. */
    Instruction first() {
        return seen.values().stream().findFirst().orElse(null);
    }

    /**
     * @param columns  the data source's columns, to check ENGINE_VER and friends name one; null when unknown
     *                 (an inline target, whose columns come from the SQL)
     */
    EngineSpec build(SourceLocation fallback, List<Column> columns, List<Warning> warnings) {
        Instruction engineLine = seen.get("ENGINE");
        TableEngine engine = engineLine == null ? TableEngine.MERGE_TREE : engineName(engineLine);
        String sortingKey = expression("ENGINE_SORTING_KEY", Set.of());
        String partitionKey = expression("ENGINE_PARTITION_KEY", Set.of());
        String primaryKey = expression("ENGINE_PRIMARY_KEY", Set.of());
        String ttl = expression("ENGINE_TTL", SqlShape.TTL_WORDS);
        String ver = column("ENGINE_VER", columns, engine, Set.of(TableEngine.REPLACING_MERGE_TREE));
        String isDeleted = column("ENGINE_IS_DELETED", columns, engine, Set.of(TableEngine.REPLACING_MERGE_TREE));
        String sign = column("ENGINE_SIGN", columns, engine,
                Set.of(TableEngine.COLLAPSING_MERGE_TREE, TableEngine.VERSIONED_COLLAPSING_MERGE_TREE));
        String version = column("ENGINE_VERSION", columns, engine, Set.of(TableEngine.VERSIONED_COLLAPSING_MERGE_TREE));
        List<String> summing = summingColumns(engine, warnings);
        String settings = value("ENGINE_SETTINGS");
        if (settings != null) {
            SqlChecks.settings(seen.get("ENGINE_SETTINGS"));
        }
        SourceLocation location = engineLine != null ? engineLine.location()
                : first() != null ? first().location() : fallback;
        if (isDeleted != null && ver == null) {
            throw seen.get("ENGINE_IS_DELETED").error("ENGINE_IS_DELETED needs ENGINE_VER",
                    "add ENGINE_VER <version column>");
        }
        // engineLine is set here: without ENGINE the engine is MergeTree
        if ((engine == TableEngine.COLLAPSING_MERGE_TREE || engine == TableEngine.VERSIONED_COLLAPSING_MERGE_TREE)
                && sign == null) {
            throw engineLine.valueError(engine + " needs ENGINE_SIGN", "add ENGINE_SIGN <sign column>");
        }
        if (engine == TableEngine.VERSIONED_COLLAPSING_MERGE_TREE && version == null) {
            throw engineLine.valueError(engine + " needs ENGINE_VERSION", "add ENGINE_VERSION <version column>");
        }
        if (engine == TableEngine.JOIN) {
            return new EngineSpec(engine, null, null, null, null, null, null, null, null, List.of(), settings,
                    location, null, join(engineLine, columns));
        }
        for (String k : JOIN_KEYWORDS) {
            if (seen.containsKey(k)) {
                throw seen.get(k).error(k + " is for the Join engine, not " + engine, "remove it or write ENGINE Join");
            }
        }
        if (engine == TableEngine.NULL) {
            for (String k : List.of("ENGINE_SORTING_KEY", "ENGINE_PARTITION_KEY", "ENGINE_PRIMARY_KEY", "ENGINE_TTL",
                    "ENGINE_SETTINGS")) {
                if (seen.containsKey(k)) {
                    warnings.add(new Warning(seen.get(k).location(), k + " is ignored: the Null engine stores nothing"));
                }
            }
            return new EngineSpec(engine, null, null, null, null, null, null, null, null, List.of(), null, location);
        }
        if (sortingKey == null) {
            warnings.add(new Warning(location, "no ENGINE_SORTING_KEY: Tinybird would infer one; mvlab uses "
                    + "ORDER BY " + DEFAULT_SORTING_KEY + " (add ENGINE_SORTING_KEY to choose)"));
            sortingKey = DEFAULT_SORTING_KEY;
        }
        return new EngineSpec(engine, sortingKey, partitionKey, primaryKey, ttl, ver, isDeleted, sign, version,
                summing, settings, location, samplingKey(columns, warnings), null);
    }

    /**
     * ENGINE_SAMPLING_KEY. ClickHouse 26 refuses a sampling key of a LowCardinality type (a hash of a LowCardinality
     * column is one), which older versions, and so Tinybird, accepted: such a key is left out, with a warning.
     */
    private String samplingKey(List<Column> columns, List<Warning> warnings) {
        String key = expression("ENGINE_SAMPLING_KEY", Set.of());
        if (key == null || columns == null) {
            return key;
        }
        for (Column c : columns) {
            if (c.type().startsWith("LowCardinality(")
                    && java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])`?" + java.util.regex.Pattern.quote(c.name())
                    + "`?(?![A-Za-z0-9_])").matcher(key).find()) {
                warnings.add(new Warning(seen.get("ENGINE_SAMPLING_KEY").location(), "ENGINE_SAMPLING_KEY is left "
                        + "out: it reads LowCardinality column `" + c.name() + "`, and ClickHouse 26 refuses a "
                        + "LowCardinality sampling key (SAMPLE queries on this table will fail locally)"));
                return null;
            }
        }
        return key;
    }

    /** ENGINE Join needs its strictness, join type and key columns, as ClickHouse's Join(ANY, LEFT, id) does. */
    private EngineSpec.JoinSpec join(Instruction engineLine, List<Column> columns) {
        String strictness = value("ENGINE_JOIN_STRICTNESS");
        String type = value("ENGINE_JOIN_TYPE");
        String keys = value("ENGINE_KEY_COLUMNS");
        if (strictness == null || type == null || keys == null) {
            throw engineLine.valueError("the Join engine needs ENGINE_JOIN_STRICTNESS, ENGINE_JOIN_TYPE and "
                    + "ENGINE_KEY_COLUMNS", "e.g. ENGINE_JOIN_STRICTNESS \"ANY\", ENGINE_JOIN_TYPE \"LEFT\", "
                    + "ENGINE_KEY_COLUMNS \"id\"");
        }
        for (String k : List.of("ENGINE_SORTING_KEY", "ENGINE_PARTITION_KEY", "ENGINE_PRIMARY_KEY", "ENGINE_TTL",
                "ENGINE_SAMPLING_KEY")) {
            if (seen.containsKey(k)) {
                throw seen.get(k).error(k + " does not apply to the Join engine", "remove it");
            }
        }
        List<String> keyColumns = Values.splitList(keys).stream().map(k -> k.replace("`", "").strip()).toList();
        for (String key : keyColumns) {
            if (columns != null && columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw seen.get("ENGINE_KEY_COLUMNS").valueError("ENGINE_KEY_COLUMNS names `" + key
                        + "`, which is not a column of the SCHEMA",
                        "columns: " + String.join(", ", columns.stream().map(Column::name).toList()));
            }
        }
        if (!strictness.matches("(?i)ANY|ALL|SEMI|ANTI|ASOF") || !type.matches("(?i)LEFT|RIGHT|INNER|FULL|CROSS")) {
            throw seen.get("ENGINE_JOIN_STRICTNESS").error("unknown Join strictness or type `" + strictness + " "
                    + type + "`", "strictness: ANY, ALL, SEMI, ANTI or ASOF; type: LEFT, RIGHT, INNER or FULL");
        }
        return new EngineSpec.JoinSpec(strictness.toUpperCase(java.util.Locale.ROOT),
                type.toUpperCase(java.util.Locale.ROOT), keyColumns);
    }

    private static TableEngine engineName(Instruction line) {
        String written = line.requireValue();
        String name = written.endsWith("()") ? written.substring(0, written.length() - 2).strip() : written;
        if (name.contains("(")) {
            throw line.valueError("ENGINE takes the engine name only, found `" + written + "`",
                    "write parameters as ENGINE_VER, ENGINE_SIGN, ENGINE_VERSION or ENGINE_SUMMING_COLUMNS lines");
        }
        return TableEngine.named(name).orElseThrow(() -> line.valueError("unknown engine `" + name + "`",
                "known engines: " + String.join(", ", Arrays.stream(TableEngine.values()).map(TableEngine::sqlName)
                        .toList())));
    }

    private String value(String keyword) {
        Instruction line = seen.get(keyword);
        if (line == null) {
            return null;
        }
        String v = line.isBlock() ? line.requireValue() : Values.unquote(line.value());
        return v.isBlank() ? null : v.strip();
    }

    /** A value pasted into the statement as an expression list: checked to be one (see {@link SqlChecks}). */
    private String expression(String keyword, Set<String> extraWords) {
        String v = value(keyword);
        if (v != null) {
            SqlChecks.expression(seen.get(keyword), extraWords);
        }
        return v;
    }

    private String column(String keyword, List<Column> columns, TableEngine engine, Set<TableEngine> engines) {
        String name = value(keyword);
        if (name == null) {
            return null;
        }
        Instruction line = seen.get(keyword);
        if (!engines.contains(engine)) {
            throw line.error(keyword + " does not apply to " + engine,
                    keyword + " is for " + String.join(" or ", engines.stream().map(TableEngine::sqlName).sorted().toList())
                            + "; remove it or change ENGINE");
        }
        String bare = columnName(line, name);
        if (columns != null && columns.stream().noneMatch(c -> c.name().equals(bare))) {
            throw line.valueError(keyword + " names `" + bare + "`, which is not a column of the SCHEMA",
                    "columns: " + String.join(", ", columns.stream().map(Column::name).toList()));
        }
        return bare;
    }

    private List<String> summingColumns(TableEngine engine, List<Warning> warnings) {
        String v = value("ENGINE_SUMMING_COLUMNS");
        if (v == null) {
            return List.of();
        }
        if (engine != TableEngine.SUMMING_MERGE_TREE) {
            warnings.add(new Warning(seen.get("ENGINE_SUMMING_COLUMNS").location(),
                    "ENGINE_SUMMING_COLUMNS is ignored: the engine is " + engine + ", not SummingMergeTree"));
            return List.of();
        }
        Instruction line = seen.get("ENGINE_SUMMING_COLUMNS");
        return Values.splitList(v).stream().map(s -> columnName(line, s.strip())).toList();
    }

    /** A column name as written ({@code name} or {@code `name`}), checked to be an identifier: it is pasted as is. */
    private static String columnName(Instruction line, String written) {
        String bare = written.length() > 1 && written.startsWith("`") && written.endsWith("`")
                ? written.substring(1, written.length() - 1) : written;
        if (!Values.isIdentifier(bare)) {
            throw line.valueError(line.keyword() + " takes a column name, found `" + written + "`",
                    "write the name of a column: letters, digits and _, starting with a letter or _");
        }
        return bare;
    }
}
