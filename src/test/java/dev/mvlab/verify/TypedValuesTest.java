package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A type table on the real engine: every ClickHouse type a view can hold compares by value, as a value, as a key,
 * nested in arrays and maps, from argMax(tuple(...)), and through another representation of the same value (another
 * time zone, scale, LowCardinality or not). Differences print as ClickHouse prints the values.
 */
@ExtendWith(ClickHouseExtension.class)
class TypedValuesTest {
    private final Verifier verifier = new Verifier(5);

    @BeforeAll
    static void table(Database db) {
        db.execute("""
                CREATE TABLE typed (
                    k UInt32,
                    t Tuple(String, UInt64),
                    tn Tuple(name String, score Nullable(UInt8)),
                    nested Array(Array(Nullable(Int32))),
                    m Map(String, Array(UInt8)),
                    n Nullable(Float64),
                    lc LowCardinality(String),
                    d Decimal(18, 4),
                    dt64 DateTime64(3, 'UTC'),
                    u UUID,
                    ip4 IPv4,
                    ip6 IPv6,
                    e Enum8('small' = 1, 'large' = 2),
                    f32 Float32,
                    b Bool
                ) ENGINE = MergeTree ORDER BY k""");
        db.execute("""
                INSERT INTO typed VALUES
                (1, ('a', 1), ('x', NULL), [[1, NULL], []], {'k': [1, 2], 'j': []}, NULL, 'red', 1.5,
                 '2024-09-19 08:00:00.123', '61f0c404-5cb3-11e7-907b-a6006ad3dba0', '10.0.0.1', '::1', 'small', 0.1,
                 true),
                (2, ('b', 2), ('y', 7), [], {}, 2.5, 'blue', -0.0001, '2024-09-20 23:59:59.999',
                 '00000000-0000-0000-0000-000000000000', '192.168.1.1', '2001:db8::ff00:42:8329', 'large', 1e-7, false),
                (3, ('b', 3), ('z', 0), [[7]], {'a': [0]}, nan, 'red', 99999999999999.9999,
                 '1970-01-01 00:00:00.000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0.0.0.0', '::', 'small', -1.5,
                 true)""");
    }

    private static Check check(String mv, String raw, List<String> keys) {
        return new Check("typed", "", mv, raw, keys, Tolerance.DEFAULT, Verdict.MATCH,
                new SourceLocation(Path.of("checks/typed.yaml"), 1, 3));
    }

    private static final String ALL = "SELECT k, t, tn, nested, m, n, lc, d, dt64, u, ip4, ip6, e, f32, b FROM typed";

    @Test
    void identicalRowsOfEveryTypeMatch(Database db) {
        Comparison c = verifier.verify(check(ALL, ALL, List.of("k")), db).comparison();
        assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.MATCH);
        assertThat(c.mvRows()).isEqualTo(3);
    }

    @Test
    void theSameValuesInOtherRepresentationsMatch(Database db) {
        String raw = """
                SELECT k, (t.1, toUInt32(t.2)) AS t, tn, CAST(nested, 'Array(Array(Nullable(Int64)))') AS nested,
                       mapSort(m) AS m, n, toString(lc) AS lc, toDecimal128(d, 8) AS d,
                       toDateTime64(dt64, 6, 'Asia/Tokyo') AS dt64, toString(u) AS u, ip4, ip6, toString(e) AS e,
                       toFloat64(toString(f32)) AS f32, toUInt8(b) AS b
                FROM typed
                ORDER BY k DESC""";
        Comparison c = verifier.verify(check(ALL, raw, List.of("k")), db).comparison();
        assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.MATCH);
    }

    @ParameterizedTest(name = "key {0}")
    @CsvSource({"t", "tn", "m", "dt64", "u", "ip6", "e", "d", "nested"})
    void everyTypeCanBeTheKey(String key, Database db) {
        String sql = "SELECT " + key + ", count() AS rows FROM typed GROUP BY " + key;
        Comparison c = verifier.verify(check(sql, sql + " ORDER BY rows", List.of(key)), db).comparison();
        assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void argMaxOfATupleComparesByValue(Database db) {
        String mv = "SELECT lc, argMax((d, dt64, tn), k) AS last, max(k) AS last_k FROM typed GROUP BY lc";
        String raw = "SELECT lc, (d, dt64, tn) AS last, k AS last_k FROM typed WHERE (lc, k) IN (SELECT lc, max(k) FROM typed "
                + "GROUP BY lc)";
        Comparison c = verifier.verify(check(mv, raw, List.of("lc")), db).comparison();
        assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aDifferenceDeepInsideIsFoundAndPrintedAsClickHousePrintsIt(Database db) {
        String raw = ALL.replace("SELECT k, t, tn, nested, m,", "SELECT k, t, tn, nested, "
                + "if(k = 1, map('k', [1, 3], 'j', []), m) AS m,").replace(" e, ", " if(k = 2, 'small', e) AS e, ")
                .replace(", dt64,", ", if(k = 3, dt64 + 1, dt64) AS dt64,");
        Comparison c = verifier.verify(check(ALL, raw, List.of("k")), db).comparison();
        assertThat(c.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(c.differingRows()).isEqualTo(3);
        assertThat(c.differences()).extracting(ValueDifference::key, ValueDifference::column,
                        ValueDifference::mvValue, ValueDifference::rawValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of(1L), "m", "{'k':[1,2],'j':[]}",
                                "{'k':[1,3],'j':[]}"),
                        org.assertj.core.groups.Tuple.tuple(List.of(2L), "e", "large", "small"),
                        org.assertj.core.groups.Tuple.tuple(List.of(3L), "dt64", "1970-01-01 00:00:00.000",
                                "1970-01-01 00:00:01.000"));
    }

    @Test
    void aRowOnOneSideShowsItsValuesAsText(Database db) {
        Comparison c = verifier.verify(check(ALL, ALL + " WHERE k != 1", List.of("k")), db).comparison();
        assertThat(c.onlyInMv()).isEqualTo(1);
        assertThat(c.onlyInMvExamples()).singleElement().satisfies(row -> assertThat(row.values()).startsWith(
                "('a',1)", "('x',NULL)", "[[1,NULL],[]]", "{'k':[1,2],'j':[]}", null, "red"));
    }
}
