package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(ClickHouseExtension.class)
class JdbcRoundTripTest {

    @Test
    void ddlBatchInsertAndParameterisedSelect(Database db) {
        assertThat(db.query("SELECT version()").scalar().toString()).startsWith("26.7");
        db.execute("CREATE TABLE people (id UInt32, name String, score Float64) ENGINE = MergeTree ORDER BY id");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            rows.add(new Object[]{i, "person_" + i, i * 0.5});
        }
        db.insertBatch("INSERT INTO people (id, name, score) VALUES (?, ?, ?)", rows);

        assertThat(db.queryLong("SELECT count() FROM people")).isEqualTo(1000);
        QueryResult one = db.query("SELECT name, score FROM people WHERE id = ?", 42);
        assertThat(one.rows()).hasSize(1);
        assertThat(one.rows().get(0).get(0)).isEqualTo("person_42");
        assertThat(((Number) one.rows().get(0).get(1)).doubleValue()).isEqualTo(21.0);
        assertThat(db.queryLong("SELECT sum(id) FROM people WHERE name LIKE ?", "person_1%")).isEqualTo(
                1 + 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 100L * 100 + 4950 + 1000);
    }

    @Test
    void serverErrorsComeBackAsOneLineWithTheSql(Database db) {
        assertThatThrownBy(() -> db.query("SELECT no_such_function(1)"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Code: 46. DB::Exception: Function with name `no_such_function` does not exist")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((DatabaseException) e).sql()).isEqualTo("SELECT no_such_function(1)"));
    }

    @Test
    void aggregatingMergeTreeFedByAToViewMatchesTheRawTable(Database db) {
        db.execute("CREATE TABLE sales (ts DateTime, product String, price Float64) ENGINE = MergeTree ORDER BY ts");
        db.execute("CREATE TABLE sales_by_product (product String, n AggregateFunction(count), "
                + "revenue AggregateFunction(sum, Float64)) ENGINE = AggregatingMergeTree ORDER BY product");
        db.execute("CREATE MATERIALIZED VIEW sales_mv TO sales_by_product AS SELECT product, countState() AS n, "
                + "sumState(price) AS revenue FROM sales GROUP BY product");
        for (int batch = 0; batch < 5; batch++) {
            db.execute("INSERT INTO sales SELECT toDateTime('2024-01-01 00:00:00') + number, "
                    + "concat('p', toString(number % 7)), (number % 100) / 4 FROM numbers(" + batch * 1000 + ", 20000)");
        }
        QueryResult fromMv = db.query("SELECT product, countMerge(n), sumMerge(revenue) FROM sales_by_product "
                + "GROUP BY product ORDER BY product");
        QueryResult fromRaw = db.query("SELECT product, count(), sum(price) FROM sales GROUP BY product ORDER BY product");
        assertThat(fromMv.rows()).hasSize(7);
        assertThat(fromMv.rows()).isEqualTo(fromRaw.rows());
        assertThat(db.queryLong("SELECT countMerge(n) FROM sales_by_product")).isEqualTo(100_000);
    }
}
