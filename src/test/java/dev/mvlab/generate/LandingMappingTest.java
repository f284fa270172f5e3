package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.datafile.DatasourceParser;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.DataSource;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Landing data sources other than the workshop's: nested and array JSONPaths, `$`, defaults, many types. */
@ExtendWith(ClickHouseExtension.class)
class LandingMappingTest {
    @TempDir
    static Path project;

    private static final String ORDERS = """
            SCHEMA >
                `order_id` String `json:$.order.id`,
                `skus` Array(String) `json:$.order.items[:].sku`,
                `quantities` Array(UInt16) `json:$.order.items[:].qty`,
                `first_sku` LowCardinality(String) `json:$.order.items[0].sku`,
                `last_qty` Nullable(UInt16) `json:$.order.items[-1].qty`,
                `tags` Array(LowCardinality(String)) `json:$.tags[:]`,
                `coupon` Nullable(String) `json:$.order.coupon`,
                `channel` String `json:$.channel` DEFAULT 'web',
                `placed_at` DateTime64(3) `json:$.order.placed_at`,
                `day` Date `json:$.order.day` DEFAULT toDate(placed_at),
                `customer` String `json:$.customer`,
                `odd` String `json:$['odd-key']`,
                `attributes` Map(String, Int32) `json:$.attributes`,
                `raw` String `json:$`,
                `loaded` UInt8 DEFAULT 1

            ENGINE "MergeTree"
            ENGINE_SORTING_KEY "order_id"
            """;

    @Test
    void nestedArrayAndWholeLinePathsLandWithDefaultsForWhatIsAbsent(Database db) throws Exception {
        DataSource orders = DatasourceParser.parse(Path.of("datasources/orders.datasource"), ORDERS);
        db.execute("CREATE TABLE orders (order_id String, skus Array(String), quantities Array(UInt16), "
                + "first_sku LowCardinality(String), last_qty Nullable(UInt16), tags Array(LowCardinality(String)), "
                + "coupon Nullable(String), channel String DEFAULT 'web', placed_at DateTime64(3), "
                + "day Date DEFAULT toDate(placed_at), customer String, odd String, attributes Map(String, Int32), "
                + "raw String, loaded UInt8 DEFAULT 1) ENGINE = MergeTree ORDER BY order_id");
        String first = "{\"order\":{\"id\":\"o1\",\"items\":[{\"sku\":\"a\",\"qty\":2},{\"sku\":\"b\",\"qty\":1}],"
                + "\"coupon\":\"SAVE\",\"placed_at\":\"2024-09-19T10:00:00.250Z\"},\"tags\":[\"gift\",\"rush\"],"
                + "\"channel\":\"app\",\"customer\":{\"id\":7,\"tier\":\"gold\"},\"odd-key\":\"yes\","
                + "\"attributes\":{\"size\":3}}";
        String second = "{\"order\":{\"id\":\"o2\",\"items\":[],\"placed_at\":\"2024-09-20 11:30:00\"},"
                + "\"customer\":{\"id\":8}}";
        byte[] body = (first + "\n" + second + "\n").getBytes(StandardCharsets.UTF_8);
        JsonPathMapping mapping = JsonPathMapping.of(orders, new LandingTable(db, "orders").columnTypes(orders));
        assertThat(mapping.columns()).doesNotContain("loaded");
        new HttpInserter(db.endpoint(), db.name(), mapping.insertFromInput(db.name(), "orders"), RetryPolicy.DEFAULT)
                .insert(body, body.length, "orders-1");

        var rows = db.query("SELECT order_id, skus, quantities, first_sku, last_qty, tags, coupon, channel, "
                + "toString(placed_at), toString(day), customer, odd, toString(attributes), raw, loaded "
                + "FROM orders ORDER BY order_id").rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(Arrays.asList("o1", List.of("a", "b"), List.of(2, 1), "a", 1,
                List.of("gift", "rush"), "SAVE", "app", "2024-09-19 10:00:00.250", "2024-09-19",
                "{\"id\":7,\"tier\":\"gold\"}", "yes", "{'size':3}", first, (short) 1));
        assertThat(rows.get(1)).isEqualTo(Arrays.asList("o2", List.of(), List.of(), "", null, List.of(), null, "web",
                "2024-09-20 11:30:00.000", "2024-09-20", "{\"id\":8}", "", "{}", second, (short) 1));
    }

    private static final String EVENTS_V2 = """
            SCHEMA >
                `event` String `json:$`,
                `who` LowCardinality(String) `json:$.customer_id`,
                `what` LowCardinality(Nullable(String)) `json:$.product.product_id`,
                `price` Nullable(Decimal(10, 2)) `json:$.product.price`,
                `kind` Enum8('view' = 1, 'cart' = 2, 'uncart' = 3, 'purchase' = 4, 'return' = 5) `json:$.action`,
                `at` DateTime64(3, 'UTC') `json:$.timestamp`,
                `session` String `json:$.session_id` DEFAULT concat(who, '-', toString(toDate(at)))

            ENGINE "MergeTree"
            ENGINE_SORTING_KEY "at"
            """;

    @Test
    void theStreamFitsALandingDataSourceOfAnotherShape(Database db) {
        DataSource events = DatasourceParser.parse(Path.of("datasources/events_v2.datasource"), EVENTS_V2);
        db.execute("CREATE TABLE events_v2 (event String, who LowCardinality(String), what LowCardinality(Nullable("
                + "String)), price Nullable(Decimal(10, 2)), kind Enum8('view' = 1, 'cart' = 2, 'uncart' = 3, "
                + "'purchase' = 4, 'return' = 5), at DateTime64(3, 'UTC'), session String) ENGINE = MergeTree ORDER BY at");
        GenerateResult result = new LandingIngest(db, events, project.resolve("cp"),
                new BatchSettings(7_000, Duration.ofSeconds(5), 2, 2), RetryPolicy.DEFAULT)
                .run(StreamOptions.defaults(12), true, RunLimits.events(30_000), false, Progress.Listener.NONE);
        assertThat(result.events()).isEqualTo(30_000);
        assertThat(db.queryLong("SELECT count() FROM events_v2")).isEqualTo(30_000);
        assertThat(db.queryLong("SELECT countIf(JSONExtractString(event, 'customer_id') != who "
                + "OR JSONExtractString(event, 'product', 'product_id') != what "
                + "OR JSONExtractString(event, 'action') != toString(kind) "
                + "OR replace(JSONExtractString(event, 'timestamp'), 'T', ' ') || '.000' != toString(at) "
                + "OR session != concat(who, '-', toString(toDate(at)))) FROM events_v2")).isZero();
        assertThat(db.queryLong("SELECT countIf((kind = 'purchase') != (price IS NOT NULL)) FROM events_v2")).isZero();
        assertThat(db.queryLong("SELECT countIf(kind = 'purchase') FROM events_v2"))
                .isEqualTo(result.actions().get(Action.PURCHASE));
        ProductCatalog catalog = ProductCatalog.create(500, 1);
        assertThat(db.query("SELECT DISTINCT what, toString(price) FROM events_v2 WHERE kind = 'purchase' "
                + "ORDER BY what LIMIT 5").rows()).allSatisfy(row -> assertThat(row.get(1)).isEqualTo(
                catalog.get(Integer.parseInt(String.valueOf(row.get(0)).substring(8))).priceText()
                        .replaceAll("\\.?0+$", "")));
    }
}
