package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;

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
    static final List<String> ENGINES = List.of("MergeTree", "ReplacingMergeTree", "SummingMergeTree",
            "AggregatingMergeTree", "CollapsingMergeTree", "VersionedCollapsingMergeTree", "Null", "Join");
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
        String engine = engineLine == null ? "MergeTree" : engineName(engineLine);
        String sortingKey = value("ENGINE_SORTING_KEY");
        String partitionKey = value("ENGINE_PARTITION_KEY");
        String primaryKey = value("ENGINE_PRIMARY_KEY");
        String ttl = value("ENGINE_TTL");
        String ver = column("ENGINE_VER", columns, engine, Set.of("ReplacingMergeTree"));
        String isDeleted = column("ENGINE_IS_DELETED", columns, engine, Set.of("ReplacingMergeTree"));
        String sign = column("ENGINE_SIGN", columns, engine,
                Set.of("CollapsingMergeTree", "VersionedCollapsingMergeTree"));
        String version = column("ENGINE_VERSION", columns, engine, Set.of("VersionedCollapsingMergeTree"));
        List<String> summing = summingColumns(engine, warnings);
        String settings = value("ENGINE_SETTINGS");
        SourceLocation location = engineLine != null ? engineLine.location()
                : first() != null ? first().location() : fallback;
        if (isDeleted != null && ver == null) {
            throw seen.get("ENGINE_IS_DELETED").error("ENGINE_IS_DELETED needs ENGINE_VER",
                    "add ENGINE_VER <version column>");
        }
        // engineLine is set here: without ENGINE the engine is MergeTree
        if (engine.endsWith("CollapsingMergeTree") && sign == null) {
            throw engineLine.valueError(engine + " needs ENGINE_SIGN", "add ENGINE_SIGN <sign column>");
        }
        if (engine.equals("VersionedCollapsingMergeTree") && version == null) {
            throw engineLine.valueError(engine + " needs ENGINE_VERSION", "add ENGINE_VERSION <version column>");
        }
        if (engine.equals("Join")) {
            return new EngineSpec(engine, null, null, null, null, null, null, null, null, List.of(), settings,
                    location, null, join(engineLine, columns));
        }
        for (String k : JOIN_KEYWORDS) {
            if (seen.containsKey(k)) {
                throw seen.get(k).error(k + " is for the Join engine, not " + engine, "remove it or write ENGINE Join");
            }
        }
        if (engine.equals("Null")) {
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
        String key = value("ENGINE_SAMPLING_KEY");
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

    private static String engineName(Instruction line) {
        String written = line.requireValue();
        String name = written.endsWith("()") ? written.substring(0, written.length() - 2).strip() : written;
        if (name.contains("(")) {
            throw line.valueError("ENGINE takes the engine name only, found `" + written + "`",
                    "write parameters as ENGINE_VER, ENGINE_SIGN, ENGINE_VERSION or ENGINE_SUMMING_COLUMNS lines");
        }
        return ENGINES.stream().filter(e -> e.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> line.valueError("unknown engine `" + name + "`",
                        "known engines: " + String.join(", ", ENGINES)));
    }

    private String value(String keyword) {
        Instruction line = seen.get(keyword);
        if (line == null) {
            return null;
        }
        String v = line.isBlock() ? line.requireValue() : Values.unquote(line.value());
        return v.isBlank() ? null : v.strip();
    }

    private String column(String keyword, List<Column> columns, String engine, Set<String> engines) {
        String name = value(keyword);
        if (name == null) {
            return null;
        }
        Instruction line = seen.get(keyword);
        if (!engines.contains(engine)) {
            throw line.error(keyword + " does not apply to " + engine,
                    keyword + " is for " + String.join(" or ", engines.stream().sorted().toList())
                            + "; remove it or change ENGINE");
        }
        String bare = name.replace("`", "");
        if (columns != null && columns.stream().noneMatch(c -> c.name().equals(bare))) {
            throw line.valueError(keyword + " names `" + bare + "`, which is not a column of the SCHEMA",
                    "columns: " + String.join(", ", columns.stream().map(Column::name).toList()));
        }
        return bare;
    }

    private List<String> summingColumns(String engine, List<Warning> warnings) {
        String v = value("ENGINE_SUMMING_COLUMNS");
        if (v == null) {
            return List.of();
        }
        if (!engine.equals("SummingMergeTree")) {
            warnings.add(new Warning(seen.get("ENGINE_SUMMING_COLUMNS").location(),
                    "ENGINE_SUMMING_COLUMNS is ignored: the engine is " + engine + ", not SummingMergeTree"));
            return List.of();
        }
        return Values.splitList(v).stream().map(s -> s.replace("`", "").strip()).toList();
    }
}
