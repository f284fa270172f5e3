package dev.mvlab.template;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendered templates are SQL the real ClickHouse accepts, in both render modes, and give the expected rows. */
@ExtendWith(ClickHouseExtension.class)
class TemplateOnClickHouseTest {
    private static final String ENDPOINT = """
            %
            {{ max_threads(2) }}
            SELECT {{ columns(cols, 'country,n') }}, {{ column(measure, 'n') }} AS measure
            FROM tpl_events
            WHERE ts >= {{ DateTime(since, '2024-01-01 00:00:00', description="from") }}
              AND day >= {{ Date(day_from, '2024-01-01') }}
              {% if defined(countries) and countries != [''] %}
              AND country IN {{ Array(countries, 'String') }}
              {% end %}
              {% if defined(ids) %}AND has({{ Array(ids, 'Int32') }}, n){% end %}
              {% if defined(min_n) %}AND {{ sql_and(n__gte=Int32(min_n, defined=False)) }}{% end %}
              {% set days = day_diff(Date(d0, '2024-01-01'), Date(d1, '2024-01-31')) %}
              AND {{ days }} = 30
              AND {{ Boolean(active, True) }} = 1
              AND {{ Float64(ratio, 0.5) }} < 1
              AND has({{ split_to_array(tags, 'a,b') }}, 'a')
              AND {{ symbol(String(sym, 'country')) }} != {{ String(exclude, 'it\\'s "x"') }}
            ORDER BY {{ column(order_by, 'n') }} {% if String(dir, 'asc') == 'desc' %}DESC{% else %}ASC{% end %}
            LIMIT {{ Int32(page_size, 10) }} OFFSET {{ Int32(page, 0) * Int32(page_size, 10) }}
            """;

    @BeforeAll
    static void table(Database db) {
        db.execute("CREATE TABLE tpl_events (ts DateTime, day Date, country String, n Int32) ENGINE = MergeTree "
                + "ORDER BY ts");
        db.execute("INSERT INTO tpl_events VALUES ('2024-02-01 00:00:00', '2024-02-01', 'ES', 1), "
                + "('2024-02-02 00:00:00', '2024-02-02', 'FR', 2), ('2024-02-03 00:00:00', '2024-02-03', 'ES', 3)");
    }

    @Test
    void defaultsModeRendersSqlClickHouseRuns(Database db) {
        String sql = Templates.parse(ENDPOINT, null).renderDefaults(Secrets.none());
        QueryResult rows = db.run(sql);
        assertThat(rows.columns()).containsExactly("country", "n", "measure");
        assertThat(rows.rows()).extracting(r -> r.get(1)).containsExactly(1, 2, 3);
    }

    @Test
    void anEndpointCallRendersSqlClickHouseRuns(Database db) {
        Template t = Templates.parse(ENDPOINT, null);
        String sql = t.render(ParameterValues.ofLists(Map.of("countries", List.of("ES", "DE"),
                "ids", List.of("1,3"), "min_n", List.of("2"), "cols", List.of("country"), "dir", List.of("desc"),
                "page_size", List.of("5"))), Secrets.none());
        QueryResult rows = db.run(sql);
        assertThat(rows.columns()).containsExactly("country", "measure");
        assertThat(rows.rows()).containsExactly(List.of("ES", 3));
    }

    @Test
    void theDeclaredParametersAreListed() {
        List<String> names = new ArrayList<>();
        Templates.parse(ENDPOINT, null).parameters().forEach(p -> names.add(p.name() + ":" + p.type()));
        assertThat(names).containsExactly("cols:String", "measure:String", "since:DateTime", "day_from:Date",
                "countries:Array(String)", "ids:Array(Int32)", "min_n:Int32", "d0:Date", "d1:Date", "active:Boolean",
                "ratio:Float64", "tags:String", "sym:String", "exclude:String", "order_by:String", "dir:String",
                "page_size:Int32", "page:Int32");
        TemplateParameter since = Templates.parse(ENDPOINT, null).parameters().get(2);
        assertThat(since.defaultValue()).isEqualTo("2024-01-01 00:00:00");
        assertThat(since.description()).isEqualTo("from");
    }
}
