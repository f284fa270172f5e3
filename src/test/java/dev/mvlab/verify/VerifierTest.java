package dev.mvlab.verify;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(ClickHouseExtension.class)
class VerifierTest {
    private final Verifier verifier = new Verifier(3);

    @BeforeAll
    static void tables(Database db) {
        db.execute("CREATE TABLE sales (ts DateTime, product String, units UInt32, price Decimal(10, 2)) "
                + "ENGINE = MergeTree ORDER BY ts");
        db.execute("CREATE TABLE units_by_product (product String, units UInt64, revenue Decimal(38, 2)) "
                + "ENGINE = SummingMergeTree ORDER BY product");
        db.execute("CREATE MATERIALIZED VIEW units_by_product_mv TO units_by_product AS SELECT product, "
                + "sum(s.units) AS units, sum(s.units * s.price) AS revenue FROM sales AS s GROUP BY product");
        db.execute("INSERT INTO sales SELECT toDateTime('2024-09-01 00:00:00') + number, "
                + "concat('p', toString(number % 50)), 1 + number % 7, toDecimal32((number % 13) + 0.99, 2) "
                + "FROM numbers(20000)");
    }

    private static Check check(String name, String mv, String raw, List<String> keys, Tolerance tolerance) {
        return new Check(name, "", mv, raw, keys, tolerance, Verdict.MATCH,
                new SourceLocation(Path.of("checks/test.yaml"), 1, 3));
    }

    @Test
    void aMaterializedViewThatSawEveryInsertMatchesTheRawData(Database db) {
        // UInt64 and Decimal(38,2) from the view against UInt64 and Decimal(38,2) sums, and an Int64 cast of units:
        // numbers of different Java types with the same value are equal
        CheckResult result = verifier.verify(check("units",
                "SELECT product, sum(units) AS units, sum(revenue) AS revenue FROM units_by_product GROUP BY product",
                "SELECT product, toInt64(sum(s.units)) AS units, sum(s.units * s.price) AS revenue FROM sales AS s "
                        + "GROUP BY product",
                List.of("product"), Tolerance.DEFAULT), db);

        assertThat(result.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(result.asExpected()).isTrue();
        assertThat(result.comparison().mvRows()).isEqualTo(50);
        assertThat(result.comparison().rawRows()).isEqualTo(50);
        assertThat(result.comparison().valueColumns()).containsExactly("units", "revenue");
    }

    @Test
    void driftCountsRowsOnlyOnOneSideAndDifferingValuesWithExamples(Database db) {
        // mv: p0..p9 with units from the view, and an extra 'ghost'; raw: p0..p11, p5 and p7 off by one
        CheckResult result = verifier.verify(check("drift",
                "SELECT product, sum(t.units) AS units FROM units_by_product AS t WHERE product IN "
                        + "('p0','p1','p2','p3','p4','p5','p6','p7','p8','p9') GROUP BY product "
                        + "UNION ALL SELECT 'ghost', toUInt64(1)",
                "SELECT product, sum(s.units) + if(product IN ('p5', 'p7'), 1, 0) AS units FROM sales AS s WHERE product IN "
                        + "('p0','p1','p2','p3','p4','p5','p6','p7','p8','p9','p10','p11') GROUP BY product "
                        + "ORDER BY product",
                List.of("product"), Tolerance.DEFAULT), db);

        Comparison c = result.comparison();
        assertThat(result.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(result.asExpected()).isFalse();
        assertThat(c.mvRows()).isEqualTo(11);
        assertThat(c.rawRows()).isEqualTo(12);
        assertThat(c.onlyInMv()).isEqualTo(1);
        assertThat(c.onlyInRaw()).isEqualTo(2);
        assertThat(c.differingRows()).isEqualTo(2);
        assertThat(c.onlyInMvExamples()).singleElement().satisfies(row -> {
            assertThat(row.key()).containsExactly("ghost");
            assertThat(row.values()).containsExactly(BigInteger.ONE);
        });
        assertThat(c.onlyInRawExamples()).extracting(SideRow::key)
                .containsExactly(List.of("p10"), List.of("p11"));
        long p5 = db.queryLong("SELECT sum(units) FROM sales WHERE product = 'p5'");
        assertThat(c.differences()).hasSize(2).first().satisfies(d -> {
            assertThat(d.key()).containsExactly("p5");
            assertThat(d.column()).isEqualTo("units");
            assertThat(((Number) d.mvValue()).longValue()).isEqualTo(p5);
            assertThat(((Number) d.rawValue()).longValue()).isEqualTo(p5 + 1);
        });
    }

    @Test
    void examplesAreCappedButCountsAreComplete(Database db) {
        CheckResult result = verifier.verify(check("capped",
                "SELECT number AS k, number AS v FROM numbers(100)",
                "SELECT number + 50 AS k, number + 50 AS v FROM numbers(100)", List.of("k"), Tolerance.DEFAULT), db);

        assertThat(result.comparison().onlyInMv()).isEqualTo(50);
        assertThat(result.comparison().onlyInRaw()).isEqualTo(50);
        assertThat(result.comparison().onlyInMvExamples()).hasSize(3);
        assertThat(result.comparison().onlyInRawExamples()).hasSize(3);
    }

    @Test
    void aValueWithinTheToleranceMatchesAndOneOutsideDrifts(Database db) {
        String mv = "SELECT 'a' AS k, 100.0 AS v UNION ALL SELECT 'b', 2000.0";
        String raw = "SELECT 'a' AS k, 100.04 AS v UNION ALL SELECT 'b', 2001.0";

        assertThat(verifier.verify(check("abs", mv, raw, List.of("k"), new Tolerance(0.05, 0)), db).comparison()
                .differingRows()).as("b is 1.0 apart").isEqualTo(1);
        assertThat(verifier.verify(check("abs+rel", mv, raw, List.of("k"), new Tolerance(0.05, 0.001)), db)
                .verdict()).as("b is within 0.1%").isEqualTo(Verdict.MATCH);
        assertThat(verifier.verify(check("rel", mv, raw, List.of("k"), new Tolerance(0, 0.0001)), db).comparison()
                .differingRows()).as("both are further apart than 0.01%").isEqualTo(2);
        assertThat(verifier.verify(check("exact", mv, raw, List.of("k"), Tolerance.EXACT), db).verdict())
                .isEqualTo(Verdict.DRIFT);
    }

    @Test
    void theDefaultToleranceAbsorbsFloatRoundingButComparesDecimalsExactly(Database db) {
        assertThat(verifier.verify(check("float", "SELECT 1 AS k, 0.1 + 0.2 AS v", "SELECT 1 AS k, 0.3 AS v",
                List.of("k"), Tolerance.DEFAULT), db).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(verifier.verify(check("decimal", "SELECT 1 AS k, toDecimal64(1000000.01, 2) AS v",
                "SELECT 1 AS k, toDecimal64(1000000.02, 2) AS v", List.of("k"), Tolerance.DEFAULT), db).verdict())
                .isEqualTo(Verdict.DRIFT);
        assertThat(verifier.verify(check("decimal-within", "SELECT 1 AS k, toDecimal64(1000000.01, 2) AS v",
                "SELECT 1 AS k, toDecimal64(1000000.02, 2) AS v", List.of("k"), new Tolerance(0.01, 0)), db).verdict())
                .as("a declared tolerance applies to decimals").isEqualTo(Verdict.MATCH);
        assertThat(verifier.verify(check("uint64", "SELECT 1 AS k, toUInt64(18446744073709551615) AS v",
                "SELECT 1 AS k, toUInt64(18446744073709551614) AS v", List.of("k"), Tolerance.DEFAULT), db).verdict())
                .as("UInt64 values near the top of the range are compared exactly").isEqualTo(Verdict.DRIFT);
        assertThat(verifier.verify(check("decimal-vs-int", "SELECT 1 AS k, toDecimal64(42, 4) AS v",
                "SELECT 1 AS k, toUInt8(42) AS v", List.of("k"), Tolerance.DEFAULT), db).verdict())
                .isEqualTo(Verdict.MATCH);
    }

    @Test
    void nullEqualsOnlyNullAndNullKeysMatchEachOther(Database db) {
        CheckResult result = verifier.verify(check("nulls",
                "SELECT CAST(k, 'Nullable(String)') AS k, CAST(v, 'Nullable(Int32)') AS v "
                        + "FROM values('k Nullable(String), v Nullable(Int32)', (NULL, 1), ('a', NULL), ('b', NULL), ('c', 3))",
                "SELECT CAST(k, 'Nullable(String)') AS k, CAST(v, 'Nullable(Int32)') AS v "
                        + "FROM values('k Nullable(String), v Nullable(Int32)', (NULL, 1), ('a', NULL), ('b', 0), ('c', NULL))",
                List.of("k"), Tolerance.DEFAULT), db);

        assertThat(result.comparison().onlyInMv() + result.comparison().onlyInRaw()).isZero();
        assertThat(result.comparison().differingRows()).isEqualTo(2);
        assertThat(result.comparison().differences()).extracting(ValueDifference::key, ValueDifference::mvValue,
                        ValueDifference::rawValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("b"), null, 0),
                        org.assertj.core.groups.Tuple.tuple(List.of("c"), 3, null));
    }

    @Test
    void duplicateKeysOnOneSideAreReportedAsDrift(Database db) {
        // a ReplacingMergeTree read without FINAL: the classic way to get duplicate keys
        db.execute("CREATE TABLE latest_price (product String, price Float64, v UInt32) "
                + "ENGINE = ReplacingMergeTree(v) ORDER BY product");
        db.execute("INSERT INTO latest_price VALUES ('a', 1.0, 1), ('b', 2.0, 1)");
        db.execute("INSERT INTO latest_price VALUES ('a', 1.5, 2)");
        Check check = check("latest", "SELECT product, price FROM latest_price",
                "SELECT 'a' AS product, 1.5 AS price UNION ALL SELECT 'b', 2.0", List.of("product"), Tolerance.DEFAULT);

        CheckResult withoutFinal = verifier.verify(check, db);
        assertThat(withoutFinal.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(withoutFinal.comparison().duplicateKeysInMv()).isEqualTo(1);
        assertThat(withoutFinal.comparison().duplicates()).singleElement()
                .isEqualTo(new DuplicateKey(Side.MV, List.of("a"), 2));

        Check withFinal = check("latest_final", "SELECT product, price FROM latest_price FINAL", check.raw(),
                List.of("product"), Tolerance.DEFAULT);
        assertThat(verifier.verify(withFinal, db).verdict()).isEqualTo(Verdict.MATCH);
        assertThat(verifier.verify(check("raw_dup", withFinal.raw(), "SELECT product, price FROM latest_price",
                List.of("product"), Tolerance.DEFAULT), db).comparison().duplicateKeysInRaw()).isEqualTo(1);
    }

    @Test
    void anExpectedDriftIsAsExpected(Database db) {
        Check check = new Check("pitfall", "", "SELECT 1 AS k, 1 AS v", "SELECT 1 AS k, 2 AS v", List.of("k"),
                Tolerance.DEFAULT, Verdict.DRIFT, new SourceLocation(Path.of("x.yaml"), 1, 1));

        CheckResult result = verifier.verify(check, db);
        assertThat(result.verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(result.expected()).isEqualTo(Verdict.DRIFT);
        assertThat(result.asExpected()).isTrue();
        assertThat(new VerificationReport(List.of(result)).asExpected()).isTrue();
        assertThat(verifier.verify(check, Verdict.MATCH, db).asExpected()).isFalse();
    }

    @Test
    void withoutKeysRowsAreMatchedByPosition(Database db) {
        CheckResult scalar = verifier.verify(check("count", "SELECT sum(units) AS n FROM units_by_product",
                "SELECT sum(units) AS n FROM sales", List.of(), Tolerance.DEFAULT), db);
        assertThat(scalar.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(scalar.comparison().keyColumns()).containsExactly("row");

        CheckResult shorter = verifier.verify(check("rows", "SELECT number AS n FROM numbers(3)",
                "SELECT number AS n FROM numbers(4)", List.of(), Tolerance.DEFAULT), db);
        assertThat(shorter.comparison().onlyInRaw()).isEqualTo(1);
        assertThat(shorter.comparison().onlyInRawExamples().get(0).key()).containsExactly(4L);
    }

    @Test
    void columnsMustBeNamedAlikeOnBothSides(Database db) {
        assertThatThrownBy(() -> verifier.verify(check("names", "SELECT 1 AS k, 2 AS total",
                "SELECT 1 AS k, 2 AS sum_units", List.of("k"), Tolerance.DEFAULT), db))
                .isInstanceOf(MvlabException.class)
                .hasMessage("checks/test.yaml:1:3: check 'names': the mv query returns the columns [total] but the "
                        + "raw query returns [sum_units] (keys aside); name the columns alike with AS");
        assertThatThrownBy(() -> verifier.verify(check("key", "SELECT 1 AS k", "SELECT 1 AS k",
                List.of("product"), Tolerance.DEFAULT), db))
                .hasMessage("checks/test.yaml:1:3: check 'key': the mv query has no key column 'product' "
                        + "(it returns [k])");
    }

    @Test
    void aQueryTheServerRefusesNamesTheCheckAndSide(Database db) {
        assertThatThrownBy(() -> verifier.verify(check("broken", "SELECT 1 AS k", "SELECT k FROM no_such_table",
                List.of("k"), Tolerance.DEFAULT), db))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("checks/test.yaml:1:3: check 'broken', raw query: Code: 60.")
                .satisfies(e -> assertThat(((DatabaseException) e).sql()).isEqualTo("SELECT k FROM no_such_table"));
    }
}
