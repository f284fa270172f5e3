package dev.mvlab.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading ClickHouse's EXPLAIN QUERY TREE text (as chDB 26.7 prints it) into what a query reads. */
class QueryReadsTest {
    private static final String TREE = """
            QUERY id: 0
              JOIN TREE
                JOIN id: 12, strictness: ALL, kind: INNER
                  LEFT TABLE EXPRESSION
                    TABLE id: 3, alias: __table1, table_name: proj.r2, final: 1, sample_size: 1 / 2
                  RIGHT TABLE EXPRESSION
                    TABLE_FUNCTION id: 5, alias: __table2, table_function_name: merge
              PROJECTION
                LIST id: 1, nodes: 2
                  CONSTANT id: 2, constant_value: '', constant_value_type: String
                    EXPRESSION
                      FUNCTION id: 3, function_name: dictGet, function_type: ordinary, result_type: String
                        ARGUMENTS
                          LIST id: 4, nodes: 3
                            CONSTANT id: 5, constant_value: 'other.d', constant_value_type: String
                              EXPRESSION
                                FUNCTION id: 6, function_name: concat, function_type: ordinary, result_type: String
                            CONSTANT id: 10, constant_value: 'b', constant_value_type: String
                  FUNCTION id: 7, function_name: dictGetString, function_type: ordinary, result_type: String
                    ARGUMENTS
                      LIST id: 8, nodes: 3
                        CONSTANT id: 9, constant_value: 'notes_dict', constant_value_type: String
                  FUNCTION id: 11, function_name: joinGet, function_type: ordinary, result_type: String
                    ARGUMENTS
                      LIST id: 12, nodes: 3
                        COLUMN id: 13, column_name: a, result_type: String, source_id: 3
                    TABLE id: 14, table_name: system.one
              SETTINGS additional_table_filters=[('events', 'a IN (SELECT a FROM other.events)')]
            """;

    @Test
    void tablesFunctionsLookupsAndSettingsComeOutAsClickHouseResolvedThem() {
        QueryReads reads = QueryReads.parse(TREE, "proj");
        assertThat(reads.tables()).containsExactly("proj.r2", "system.one");
        assertThat(reads.tableFunctions()).containsExactly("merge");
        assertThat(reads.lookups()).containsExactly("other.d", "proj.notes_dict", null);
        assertThat(reads.settings()).singleElement().asString().startsWith("additional_table_filters=");
        assertThat(reads.unresolved()).isFalse();
        assertThat(QueryReads.parse("QUERY id: 0\n  JOIN TREE\n    IDENTIFIER id: 7, identifier: events\n", "proj")
                .unresolved()).isTrue();
    }

    @Test
    void aTokenCheckIsExactOnDatabaseAndName() {
        Token reader = new Token("reader", "p.x", List.of(new Token.Grant(TokenScope.READ, "events")));
        ScopeCheck check = new ScopeCheck("proj");
        check.requireReadable(reader, QueryReads.parse("TABLE id: 3, table_name: proj.events, final: 1\n", "proj"));
        for (String table : List.of("other.events", "proj.events.x", "proj.notes", "system.events",
                "proj2.events", "proj.events2")) {
            assertThatThrownBy(() -> check.requireReadable(reader,
                    QueryReads.parse("TABLE id: 3, table_name: " + table + "\n", "proj")))
                    .as(table).isInstanceOf(ApiException.class).hasMessageContaining(table);
        }
    }
}
