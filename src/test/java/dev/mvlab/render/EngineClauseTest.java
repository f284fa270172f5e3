package dev.mvlab.render;

import dev.mvlab.datafile.DatasourceParser;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.TableEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine clause arranges what the parser validated: arguments per engine, keys as tuples, no keys for Null. */
class EngineClauseTest {
    private static EngineSpec spec(TableEngine engine, String sortingKey) {
        return new EngineSpec(engine, sortingKey, null, null, null, null, null, null, null, List.of(), null, null);
    }

    @Test
    void noSpecIsAMergeTreeOrderedByTuple() {
        assertThat(EngineClause.model(null)).containsEntry("name", "MergeTree").containsEntry("args", List.of())
                .containsEntry("orderBy", "tuple()");
    }

    @Test
    void keysOfSeveralExpressionsBecomeATupleButCommasInsideDoNot() {
        assertThat(EngineClause.key("action, timestamp")).isEqualTo("(action, timestamp)");
        assertThat(EngineClause.key("toStartOfHour(ts, 'UTC')")).isEqualTo("toStartOfHour(ts, 'UTC')");
        assertThat(EngineClause.key("concat('a,b', x)")).isEqualTo("concat('a,b', x)");
        assertThat(EngineClause.key("`a,b`")).isEqualTo("`a,b`");
        assertThat(EngineClause.key("arr[1], b")).isEqualTo("(arr[1], b)");
        assertThat(EngineClause.key(" ")).isNull();
    }

    @Test
    void eachEngineGetsItsArguments() {
        EngineSpec replacing = new EngineSpec(TableEngine.REPLACING_MERGE_TREE, "id", "toYYYYMM(ts)", "id", null,
                "updated_at", "deleted", null, null, List.of(), "index_granularity = 8192", null);
        Map<String, Object> model = EngineClause.model(replacing);
        assertThat(model).containsEntry("name", "ReplacingMergeTree")
                .containsEntry("args", List.of("updated_at", "deleted")).containsEntry("partitionBy", "toYYYYMM(ts)")
                .containsEntry("primaryKey", "id").containsEntry("orderBy", "id")
                .containsEntry("settings", "index_granularity = 8192").doesNotContainKey("ttl");

        EngineSpec summing = new EngineSpec(TableEngine.SUMMING_MERGE_TREE, "k", null, null, null, null, null, null,
                null, List.of("a", "b"), null, null);
        assertThat(EngineClause.model(summing)).containsEntry("args", List.of("(a, b)"));

        EngineSpec versioned = new EngineSpec(TableEngine.VERSIONED_COLLAPSING_MERGE_TREE, "k", null, null, null,
                null, null, "sign", "v", List.of(), null, null);
        assertThat(EngineClause.model(versioned)).containsEntry("args", List.of("sign", "v"));
    }

    @Test
    void nullTakesNoKeysAndJoinItsStrictnessTypeAndQuotedKeys() {
        assertThat(EngineClause.model(spec(TableEngine.NULL, null))).containsEntry("name", "Null")
                .containsEntry("args", List.of()).doesNotContainKey("orderBy");
        EngineSpec join = new EngineSpec(TableEngine.JOIN, null, null, null, null, null, null, null, null, List.of(),
                null, null, null, new EngineSpec.JoinSpec("ANY", "LEFT", List.of("id", "key two")));
        assertThat(EngineClause.model(join)).containsEntry("name", "Join")
                .containsEntry("args", List.of("ANY", "LEFT", "id", "`key two`")).doesNotContainKey("orderBy");
    }

    @Test
    void enginesTheClauseDoesNotKnowNeverReachIt() {
        for (String engine : List.of("CoalescingMergeTree", "Memory", "Log", "ReplicatedMergeTree")) {
            assertThatThrownBy(() -> DatasourceParser.parse(Path.of("datasources/x.datasource"),
                    "SCHEMA >\n    `a` String\n\nENGINE \"" + engine + "\"\n"))
                    .hasMessageStartingWith("datasources/x.datasource:4:8: unknown engine `" + engine + "`");
        }
        assertThat(DatasourceParser.parse(Path.of("datasources/x.datasource"),
                "SCHEMA >\n    `a` String\n\nENGINE \"replacingmergetree\"\nENGINE_SORTING_KEY a\n").engine().engine())
                .isEqualTo(TableEngine.REPLACING_MERGE_TREE);
    }
}
