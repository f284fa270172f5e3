package dev.mvlab.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableReferencesTest {

    @Test
    void readsNamesAfterFromAndJoin() {
        assertThat(tables("SELECT * FROM a AS x LEFT ANY JOIN b ON x.id = b.id INNER JOIN `c` USING id"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void skipsStringsCommentsAndFunctionFroms() {
        assertThat(tables("""
                SELECT 'FROM nope', EXTRACT(YEAR FROM ts), trim(BOTH ' ' FROM s), substring(s FROM 2) -- FROM gone
                /* JOIN hidden */ FROM events # FROM comment
                ARRAY JOIN tags AS tag
                """)).containsExactly("events");
    }

    @Test
    void readsSubqueriesCommaJoinsAndQualifiedNames() {
        TableReferences refs = TableReferences.of("""
                SELECT * FROM (SELECT * FROM inner_t) AS s, other o, system.numbers
                WHERE id IN (SELECT id FROM ids) AND x > (SELECT max(x) FROM maxes)
                """);
        assertThat(refs.tables()).extracting(TableReferences.Reference::qualified)
                .containsExactlyInAnyOrder("inner_t", "other", "system.numbers", "ids", "maxes");
    }

    @Test
    void tableFunctionsAreMarked() {
        TableReferences refs = TableReferences.of("SELECT * FROM numbers(10) JOIN url('x', CSV) USING n");
        assertThat(refs.tables()).extracting(TableReferences.Reference::name).containsExactly("numbers", "url");
        assertThat(refs.tables()).allMatch(TableReferences.Reference::tableFunction);
    }

    @Test
    void collectsTheNamesItsOwnWithDefines() {
        TableReferences refs = TableReferences.of(
                "WITH recent AS (SELECT * FROM events), 10 AS n, totals AS (WITH 1 AS y SELECT y FROM recent) "
                        + "SELECT * FROM totals");
        assertThat(refs.localNames()).containsExactlyInAnyOrder("recent", "totals");
        assertThat(refs.tables()).extracting(TableReferences.Reference::name)
                .containsExactly("events", "recent", "totals");
    }

    @Test
    void offsetsPointAtTheName() {
        String sql = "SELECT 1\nFROM  events";
        assertThat(TableReferences.of(sql).tables().get(0).offset()).isEqualTo(sql.indexOf("events"));
    }

    @Test
    void aQuotedNameEndsAfterItsClosingQuoteEvenWithADoubledQuoteInside() {
        String sql = "SELECT * FROM `we``ird` WHERE 1";
        TableReferences.Reference ref = TableReferences.of(sql).tables().get(0);
        assertThat(ref.name()).isEqualTo("we`ird");
        assertThat(ref.end()).isEqualTo(sql.indexOf(" WHERE"));
    }

    private static List<String> tables(String sql) {
        return TableReferences.of(sql).tables().stream().map(TableReferences.Reference::name).toList();
    }
}
