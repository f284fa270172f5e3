package dev.mvlab.generate;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.JsonPath;
import dev.mvlab.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSONPath parsing and the SQL each kind of path becomes. */
class JsonPathMappingTest {

    @Test
    void pathsParseIntoKeysIndexesAndAllItems() {
        assertThat(JsonPath.parse("$").isRoot()).isTrue();
        assertThat(JsonPath.parse("$.product.product_id").prefix()).containsExactly("product", "product_id");
        JsonPath items = JsonPath.parse("$.order.items[:].sku");
        assertThat(items.prefix()).containsExactly("order", "items");
        assertThat(items.allItems()).isTrue();
        assertThat(items.suffix()).containsExactly("sku");
        assertThat(JsonPath.parse("$['odd key'].list[-1][0]").prefix()).containsExactly("odd key", "list", -1, 0);
        assertThat(JsonPath.parse("$.tags[*]").allItems()).isTrue();
    }

    @Test
    void badPathsSayWhatIsWrong() {
        assertThatThrownBy(() -> JsonPath.parse("product.id")).hasMessageContaining("starts with '$'");
        assertThatThrownBy(() -> JsonPath.parse("$.a..b")).hasMessageContaining("empty key after the '.' at column 4");
        assertThatThrownBy(() -> JsonPath.parse("$.a[:].b[:]")).hasMessageContaining("more than one [:]");
        assertThatThrownBy(() -> JsonPath.parse("$.a[x]")).hasMessageContaining("got [x]");
        assertThatThrownBy(() -> JsonPath.parse("$.a['b'")).hasMessageContaining("unclosed '['");
    }

    @Test
    void eachKindOfPathBecomesOneExtraction() {
        String line = JsonPathMapping.LINE;
        assertThat(expr("$", "String", null)).isEqualTo(line);
        assertThat(expr("$", "JSON", null)).isEqualTo("JSONExtract(" + line + ", 'JSON')");
        assertThat(expr("$.product.price", "Nullable(Float64)", null))
                .isEqualTo("JSONExtract(" + line + ", 'product', 'price', 'Nullable(Float64)')");
        assertThat(expr("$.items[:]", "Array(String)", null))
                .isEqualTo("JSONExtract(" + line + ", 'items', 'Array(String)')");
        assertThat(expr("$.items[:].sku", "Array(LowCardinality(String))", null))
                .isEqualTo("arrayMap(x -> JSONExtract(x, 'sku', 'LowCardinality(String)'), JSONExtractArrayRaw("
                        + line + ", 'items'))");
        assertThat(expr("$.items[0].sku", "String", null))
                .isEqualTo("JSONExtract(" + line + ", 'items', 1, 'sku', 'String')");
        assertThat(expr("$.kind", "Enum8('a' = 1, 'b' = 2)", null))
                .isEqualTo("JSONExtract(" + line + ", 'kind', 'Enum8(\\'a\\' = 1, \\'b\\' = 2)')");
        assertThat(expr("$.note", "String", "'none'"))
                .isEqualTo("if(JSONHas(" + line + ", 'note'), JSONExtract(" + line + ", 'note', 'String'), 'none')");
        assertThatThrownBy(() -> expr("$.items[:]", "String", null)).hasMessageContaining("must be Array(...)");
    }

    private static String expr(String path, String type, String defaultExpr) {
        return JsonPathMapping.expression(JsonPath.parse(path), type, defaultExpr);
    }

    @Test
    void theInsertListsOnlyColumnsWithPathsAndUsesTheTableTypes() {
        SourceLocation at = new SourceLocation(Path.of("datasources/events.datasource"), 3, 5);
        DataSource events = new DataSource("events", null, List.of(
                new Column("id", "String", "$.id", null, null, at),
                new Column("inserted", "DateTime", null, "now()", null, at),
                new Column("n", "Int32", "$.n", null, null, at)), null, List.of(), List.of(), List.of(), List.of(), at);
        JsonPathMapping mapping = JsonPathMapping.of(events, Map.of("n", "Int64"));
        assertThat(mapping.columns()).containsExactly("id", "n");
        assertThat(mapping.insertFromInput("db", "events")).isEqualTo("INSERT INTO db.events (id, n) SELECT "
                + "JSONExtract(__mvlab_line, 'id', 'String') AS id, JSONExtract(__mvlab_line, 'n', 'Int64') AS n "
                + "FROM input('__mvlab_line String') FORMAT LineAsString");
        assertThat(mapping.insertFromTable("db", "events", "staged")).isEqualTo("INSERT INTO db.events (id, n) SELECT "
                + "JSONExtract(__mvlab_line, 'id', 'String') AS id, JSONExtract(__mvlab_line, 'n', 'Int64') AS n "
                + "FROM db.staged");
        assertThat(JsonPathMapping.lineTable("db", "staged"))
                .isEqualTo("CREATE TABLE db.staged (__mvlab_line String) ENGINE = Memory");

        DataSource broken = new DataSource("broken", null, List.of(new Column("a", "String", "$.a[:]", null, null, at)),
                null, List.of(), List.of(), List.of(), List.of(), at);
        assertThatThrownBy(() -> JsonPathMapping.of(broken, Map.of())).isInstanceOf(MvlabException.class)
                .hasMessage("datasources/events.datasource:3:5: column a: JSONPath $.a[:] gives an array, so the "
                        + "column type must be Array(...), not String");
        DataSource plain = new DataSource("plain", null, List.of(new Column("a", "String", null, null, null, at)),
                null, List.of(), List.of(), List.of(), List.of(), at);
        assertThatThrownBy(() -> JsonPathMapping.of(plain, Map.of())).hasMessageContaining("has no JSONPaths");
    }
}
