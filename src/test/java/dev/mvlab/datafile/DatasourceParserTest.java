package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataIndex;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.TableEngine;
import dev.mvlab.model.Warning;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasourceParserTest {
    private final List<Warning> warnings = new ArrayList<>();

    private DataSource parse(String name, String text) {
        return DatasourceParser.parse(Path.of("datasources", name + ".datasource"), text, warnings);
    }

    private List<String> warningTexts() {
        return warnings.stream().map(Warning::toString).toList();
    }

    @Test
    void quotedAndBareValuesMeanTheSame() {
        DataSource quoted = parse("q", """
                SCHEMA >
                    `timestamp` DateTime,
                    `action` String

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "timestamp, action"
                ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"
                ENGINE_TTL "timestamp + toIntervalDay(30)"
                ENGINE_SETTINGS "index_granularity = 8192"
                """);
        DataSource bare = parse("b", """
                SCHEMA >
                    timestamp DateTime,
                    action String
                ENGINE MergeTree
                ENGINE_SORTING_KEY timestamp, action
                ENGINE_PARTITION_KEY toYYYYMM(timestamp)
                ENGINE_TTL timestamp + toIntervalDay(30)
                ENGINE_SETTINGS index_granularity = 8192
                """);
        for (DataSource ds : List.of(quoted, bare)) {
            EngineSpec e = ds.engine();
            assertThat(e.engine()).isEqualTo(TableEngine.MERGE_TREE);
            assertThat(e.sortingKey()).isEqualTo("timestamp, action");
            assertThat(e.partitionKey()).isEqualTo("toYYYYMM(timestamp)");
            assertThat(e.ttl()).isEqualTo("timestamp + toIntervalDay(30)");
            assertThat(e.settings()).isEqualTo("index_granularity = 8192");
            assertThat(ds.columns()).extracting(Column::name).containsExactly("timestamp", "action");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void typesOfAnyNestingAreKeptAsWritten() {
        List<String> types = List.of("AggregateFunction(sum, Float64)", "SimpleAggregateFunction(max, DateTime)",
                "Nullable(Float64)", "LowCardinality(Nullable(String))", "Array(Tuple(a String, b UInt8))",
                "Map(String, Array(UInt32))", "Tuple(a String, b UInt8)", "DateTime64(3)", "Decimal(18, 4)",
                "Enum8('a' = 1, 'b,(c' = 2)", "DateTime64(3, 'Europe/Madrid')",
                "AggregateFunction(argMax, String, DateTime)", "UInt64");
        StringBuilder schema = new StringBuilder("SCHEMA >\n");
        for (int i = 0; i < types.size(); i++) {
            schema.append("    `c").append(i).append("` ").append(types.get(i)).append(",\n");
        }
        DataSource ds = parse("types", schema + "ENGINE_SORTING_KEY c12\n");
        assertThat(ds.columns()).extracting(Column::type).containsExactlyElementsOf(types);
        assertThat(ds.columns().get(3).location()).hasToString("datasources/types.datasource:5:5");
    }

    @Test
    void jsonPathsDefaultsAndCodecsInAnyOrder() {
        DataSource ds = parse("landing", """
                SCHEMA >
                    `customer_id` String `json:$.customer_id`,
                    `price` Nullable(Float64) `json:$.product.price` DEFAULT NULL CODEC(ZSTD(1)),
                    `items` Array(String) `json:$.items[:]`,
                    `raw` String `json:$`,
                    `n` UInt32 DEFAULT toUInt32(length('a,b')) CODEC(Delta, LZ4) `json:$.n`,
                    `bare` String json:$.a.b,
                    `d` DateTime DEFAULT now()
                ENGINE_SORTING_KEY customer_id
                """);
        assertThat(ds.columns()).extracting(Column::jsonPath)
                .containsExactly("$.customer_id", "$.product.price", "$.items[:]", "$", "$.n", "$.a.b", null);
        Column price = ds.columns().get(1);
        assertThat(price.defaultExpr()).isEqualTo("NULL");
        assertThat(price.codec()).isEqualTo("ZSTD(1)");
        Column n = ds.columns().get(4);
        assertThat(n.defaultExpr()).isEqualTo("toUInt32(length('a,b'))");
        assertThat(n.codec()).isEqualTo("Delta, LZ4");
        assertThat(ds.columns().get(6).defaultExpr()).isEqualTo("now()");
        assertThat(ds.hasJsonPaths()).isTrue();
    }

    @Test
    void commasMayTrailOrJoinColumnsOnOneLineAndCommentsAreSkipped() {
        DataSource ds = parse("commas", """
                # a comment before anything
                SCHEMA >
                    # a comment inside the schema
                    a UInt8, b UInt8,

                    c String,
                # a comment between instructions

                ENGINE_SORTING_KEY a
                """);
        assertThat(ds.columns()).extracting(Column::name).containsExactly("a", "b", "c");
    }

    @Test
    void everyEngineInstruction() {
        DataSource replacing = parse("r", """
                SCHEMA >
                    id UInt64, updated_at DateTime, deleted UInt8
                ENGINE ReplacingMergeTree
                ENGINE_SORTING_KEY id
                ENGINE_PRIMARY_KEY id
                ENGINE_VER updated_at
                ENGINE_IS_DELETED deleted
                """);
        assertThat(replacing.engine().ver()).isEqualTo("updated_at");
        assertThat(replacing.engine().isDeleted()).isEqualTo("deleted");
        assertThat(replacing.engine().primaryKey()).isEqualTo("id");
        DataSource versioned = parse("v", """
                SCHEMA >
                    id UInt64, sign Int8, version UInt32
                ENGINE "VersionedCollapsingMergeTree"
                ENGINE_SORTING_KEY "id"
                ENGINE_SIGN "sign"
                ENGINE_VERSION "version"
                """);
        assertThat(versioned.engine().sign()).isEqualTo("sign");
        assertThat(versioned.engine().version()).isEqualTo("version");
        DataSource summing = parse("s", """
                SCHEMA >
                    day Date, clicks UInt64, views UInt64
                ENGINE summingmergetree
                ENGINE_SORTING_KEY day
                ENGINE_SUMMING_COLUMNS "clicks, views"
                """);
        assertThat(summing.engine().engine()).isEqualTo(TableEngine.SUMMING_MERGE_TREE);
        assertThat(summing.engine().summingColumns()).containsExactly("clicks", "views");
        DataSource nul = parse("n", "SCHEMA >\n    a String\nENGINE Null\n");
        assertThat(nul.engine().engine()).isEqualTo(TableEngine.NULL);
        assertThat(nul.engine().sortingKey()).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void indexesDescriptionTokensTagsAndSharing() {
        DataSource ds = parse("all", """
                DESCRIPTION >
                    Events as they land.
                    Second line.

                TOKEN "reader" READ
                TOKEN ingest APPEND
                TAGS "landing", "workshop"

                SCHEMA >
                    `action` String,
                    `price` Float64

                INDEXES >
                    idx_action action TYPE set(100) GRANULARITY 4,
                    idx_price_bloom lower(toString(price)) TYPE bloom_filter(0.01) GRANULARITY 1

                ENGINE_SORTING_KEY action

                SHARED_WITH >
                    analytics_ws
                    finance_ws, ops_ws
                """);
        assertThat(ds.description()).isEqualTo("Events as they land.\nSecond line.");
        assertThat(ds.tokens()).containsExactly("reader READ", "ingest APPEND");
        assertThat(ds.tags()).containsExactly("landing", "workshop");
        assertThat(ds.sharedWith()).containsExactly("analytics_ws", "finance_ws", "ops_ws");
        assertThat(ds.indexes()).extracting(DataIndex::name, DataIndex::expression, DataIndex::type,
                DataIndex::granularity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("idx_action", "action", "set(100)", 4),
                org.assertj.core.groups.Tuple.tuple("idx_price_bloom", "lower(toString(price))", "bloom_filter(0.01)", 1));
        assertThat(ds.indexes().get(1).location()).hasToString("datasources/all.datasource:15:5");
        DataSource oneLine = parse("one", "DESCRIPTION \"Just one line\"\nSCHEMA >\n    a String\nENGINE_SORTING_KEY a\n");
        assertThat(oneLine.description()).isEqualTo("Just one line");
    }

    @Test
    void emptyQuotedValuesMeanAbsent() {
        DataSource ds = parse("e", "SCHEMA >\n    a String\nENGINE_PARTITION_KEY \"\"\nENGINE_SORTING_KEY \"a\"\n"
                + "ENGINE_TTL \"\"\n");
        assertThat(ds.engine().partitionKey()).isNull();
        assertThat(ds.engine().ttl()).isNull();
        assertThat(ds.engine().sortingKey()).isEqualTo("a");
    }

    @Test
    void withoutEngineItIsMergeTreeAndWithoutSortingKeyItIsTupleWithAWarning() {
        DataSource ds = parse("plain", "SCHEMA >\n    a String\n");
        assertThat(ds.engine().engine()).isEqualTo(TableEngine.MERGE_TREE);
        assertThat(ds.engine().sortingKey()).isEqualTo("tuple()");
        assertThat(warningTexts()).containsExactly("datasources/plain.datasource:1: warning: no ENGINE_SORTING_KEY: "
                + "Tinybird would infer one; mvlab uses ORDER BY tuple() (add ENGINE_SORTING_KEY to choose)");
    }

    @Test
    void harmlessOdditiesAreWarningsWithFileAndLine() {
        parse("odd", """
                DESCRIPTION first
                DESCRIPTION second
                TOKEN "t" DELETE
                TOKEN lonely
                KAFKA_TOPIC events
                SCHEMA >
                    a String,
                \tb String
                ENGINE MergeTree
                ENGINE_SORTING_KEY a
                ENGINE_SUMMING_COLUMNS b
                """);
        assertThat(warningTexts()).containsExactlyInAnyOrder(
                "datasources/odd.datasource:2: warning: second DESCRIPTION for data source odd replaces the first",
                "datasources/odd.datasource:3: warning: TOKEN scope `DELETE` is ignored by Tinybird for a data source "
                        + "(expected APPEND or READ)",
                "datasources/odd.datasource:4: warning: TOKEN lonely has no scope; Tinybird reads it as READ",
                "datasources/odd.datasource:5: warning: Kafka connector of data source odd is not run by mvlab: insert its "
                        + "rows by hand; its columns __value, __topic, __partition, __offset, __timestamp, __key, __headers "
                        + "are added",
                "datasources/odd.datasource:8: warning: indentation mixes tabs and spaces; use spaces only "
                        + "(a tab counts as one character)",
                "datasources/odd.datasource:11: warning: ENGINE_SUMMING_COLUMNS is ignored: the engine is MergeTree, "
                        + "not SummingMergeTree");
    }

    @Test
    void nullEngineIgnoresKeysWithAWarning() {
        DataSource ds = parse("sink", "SCHEMA >\n    a String\nENGINE Null\nENGINE_SORTING_KEY a\n");
        assertThat(ds.engine().sortingKey()).isNull();
        assertThat(warningTexts()).containsExactly(
                "datasources/sink.datasource:4: warning: ENGINE_SORTING_KEY is ignored: the Null engine stores nothing");
    }

    @Test
    void errorsCarryTheirLocation() {
        assertThatThrownBy(() -> parse("x", "SCHEMA >\n    a String\nENGINE_SORTING_KEY a\nENGINE_SORTING_KEY a\n"))
                .isInstanceOfSatisfying(DatafileException.class, e -> {
                    assertThat(e.location()).hasToString("datasources/x.datasource:4:1");
                    assertThat(e.reason()).isEqualTo("ENGINE_SORTING_KEY is given twice (first at line 3)");
                });
        assertThatThrownBy(() -> parse("y", "SCHEMA\n    a String\n"))
                .hasMessageStartingWith("datasources/y.datasource:1:8: expected `>` after SCHEMA to start the indented block below");
    }

    @Test
    void anIncludeMaySupplyColumnsWithJsonPathsAndVariables(@org.junit.jupiter.api.io.TempDir Path dir) {
        new TestProject(dir).file("datasources/common/columns.incl", """
                    `customer_id` String `json:$.customer_id`,
                    `raw` String `json:$`,
                    `${NAME}` String DEFAULT '$DEFAULT'
                """);
        DataSource ds = DatasourceParser.parse(dir.resolve("datasources/inc.datasource"), """
                SCHEMA >
                    `timestamp` DateTime `json:$.timestamp`,
                INCLUDE "common/columns.incl" "NAME=source" "DEFAULT=web"

                ENGINE_SORTING_KEY timestamp
                """, warnings);
        assertThat(ds.columns()).extracting(Column::name).containsExactly("timestamp", "customer_id", "raw", "source");
        assertThat(ds.columns()).extracting(Column::jsonPath).containsExactly("$.timestamp", "$.customer_id", "$", null);
        assertThat(ds.columns().get(3).defaultExpr()).isEqualTo("'web'");
        assertThat(ds.columns().get(1).location().file()).isEqualTo(dir.resolve("datasources/common/columns.incl"));
    }

    @Test
    void anUnknownTypeIsAWarningBecauseClickHouseHasTheLastWord() {
        DataSource ds = parse("z", "SCHEMA >\n    a String,\n    b Strng,\n    c varchar\nENGINE_SORTING_KEY a\n");
        assertThat(ds.columns()).extracting(Column::type).containsExactly("String", "Strng", "varchar");
        assertThat(warningTexts()).containsExactly("datasources/z.datasource:3: warning: column `b` has type `Strng`, "
                + "which is not a ClickHouse type mvlab knows; check the spelling");
    }
}
