package dev.mvlab.template;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request value breaks out of its quoting: for every function that writes a request value into the SQL and every
 * hostile value, the template either refuses the value (a parameter error) or renders SQL that the real ClickHouse
 * parses into a single select expression with no other clause, and string values come back unchanged.
 */
@ExtendWith(ClickHouseExtension.class)
class TemplateInjectionTest {
    static final List<String> HOSTILE = List.of("'", "\\", "\\'", "''", "'; DROP TABLE x; --", "' OR '1'='1",
            "a\nb\r\nc", "nul\0byte", "tab\there", "\u0001\u001f\u007f", "ünïcödé ☃ 𝄞 ‮", "\u2028\u2029",
            "\"", "\"\"; SELECT 1 --", "`", "` FROM system.tables --", "%_%", "{{x}}", "{% end %}", "?", "$$",
            "--", "/*", "*/", "#", "\\x27", "\\0", "1e400", "-0", "0x10", "NaN",
            "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "2024-01-01' OR '1'='1", "2024-01-01 00:00:00\\", "1,2,'3", "a,b\\,c", ")", "]", "}", "x".repeat(10_000));

    static final List<String> TEMPLATES = List.of("String(v)", "v", "Date(v)", "DateTime(v)", "DateTime64(v)",
            "Boolean(v)", "Int(v)", "Integer(v)", "Int8(v)", "Int16(v)", "Int32(v)", "Int64(v)", "Int128(v)",
            "Int256(v)", "UInt8(v)", "UInt16(v)", "UInt32(v)", "UInt64(v)", "UInt128(v)", "UInt256(v)", "Float32(v)",
            "Float64(v)", "Array(v)", "Array(v, 'String')", "Array(v, 'Int32')", "Array(v, 'Float64')",
            "Array(v, 'Date')", "Array(v, 'DateTime')", "Array(v, 'Boolean')", "symbol(v)", "column(v, 'c')",
            "columns(v, 'c')", "split_to_array(v)", "sql_unescape(String(v), '%')", "JSON(v, '{}')",
            "sql_and(c=String(v))", "sql_and(c__in=Array(v))", "table(v)");

    @Test
    void noValueBreaksOutOfItsQuoting(Database db) {
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        int refused = 0;
        for (String function : TEMPLATES) {
            Template template = Templates.parse("%SELECT 1 AS marker, {{ " + function + " }} AS v", null);
            for (String value : HOSTILE) {
                String sql;
                try {
                    sql = template.render(ParameterValues.of(Map.of("v", value)), Secrets.none());
                } catch (TemplateException e) {
                    if (!e.isParameterError()) {
                        failures.add(function + " <- " + describe(value) + ": not a parameter error: " + e.reason());
                    }
                    refused++;
                    continue;
                }
                rendered++;
                String problem = check(db, sql, function.startsWith("columns"));
                if (problem != null) {
                    failures.add(function + " <- " + describe(value) + ": " + problem + "\n    " + sql);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rendered).isGreaterThan(300);
        assertThat(refused).isGreaterThan(300);
    }

    @Test
    void stringValuesComeBackUnchanged(Database db) {
        Template string = Templates.parse("%SELECT {{ String(v) }} AS v", null);
        Template bare = Templates.parse("%SELECT {{ v }} AS v", null);
        Template array = Templates.parse("%SELECT {{ Array(v) }} AS v", null);
        for (String value : HOSTILE) {
            for (Template t : List.of(string, bare)) {
                QueryResult r = db.run(t.render(ParameterValues.of(Map.of("v", value)), Secrets.none()));
                assertThat(r.scalar()).as("round trip of %s", describe(value)).isEqualTo(sqlValue(value));
            }
            QueryResult r = db.run("SELECT length(v) FROM (" + array.render(ParameterValues.of(Map.of("v", value)),
                    Secrets.none()) + ")");
            assertThat(((Number) r.scalar()).intValue()).isEqualTo(value.split(",", -1).length);
        }
    }

    /** What ClickHouse gives back for the literal: Tinybird writes % as \%, which ClickHouse keeps. */
    private static String sqlValue(String value) {
        return value.replace("%", "\\%");
    }

    /**
     * Null when the SQL parses to exactly {@code SELECT 1 AS marker, <one expression> AS v} (for columns(): a list of
     * plain identifiers).
     */
    private static String check(Database db, String sql, boolean identifierList) {
        List<String> ast;
        try {
            ast = db.run("EXPLAIN AST " + sql).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        } catch (RuntimeException e) {
            return "ClickHouse cannot parse it: " + e.getMessage().lines().findFirst().orElse("");
        }
        long selects = ast.stream().filter(l -> l.strip().startsWith("SelectQuery")).count();
        long tables = ast.stream().filter(l -> l.contains("TablesInSelectQuery")).count();
        String list = ast.stream().filter(l -> l.strip().startsWith("ExpressionList")).findFirst().orElse("");
        String selectList = ast.size() > 3 ? ast.get(3).strip() : "";
        boolean onlyIdentifiers = ast.subList(5, ast.size()).stream().allMatch(l -> l.strip().startsWith("Identifier"));
        boolean shape = selectList.equals("ExpressionList (children 2)") || identifierList && onlyIdentifiers;
        if (selects != 1 || tables != 0 || !shape) {
            return "unexpected AST " + String.join(" / ", ast) + " (" + list + ")";
        }
        return null;
    }

    private static String describe(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return TemplateGoldenTest.escape(shown);
    }
}
