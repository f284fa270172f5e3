package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The products dimension: the stream's catalog and prices, and later price versions for ReplacingMergeTree. */
@ExtendWith(ClickHouseExtension.class)
class ProductsTableTest {
    @TempDir
    static Path project;

    @Test
    void theCatalogCarriesTheStreamsPricesAndUpdatesAddLaterVersions(Database db) {
        db.execute("CREATE TABLE products (product_id String, brand String, model String, price Float64, "
                + "number_on_hand UInt32, updated_at DateTime) ENGINE = ReplacingMergeTree(updated_at) "
                + "ORDER BY product_id");
        ProductCatalog catalog = ProductCatalog.create(500, 1);
        ProductsTable products = new ProductsTable(db, "products");
        var written = products.writeCatalog(catalog, StreamOptions.DEFAULT_START);
        assertThat(written.rows()).isEqualTo(500);
        assertThat(db.query("SELECT product_id, brand, model, toString(price), number_on_hand FROM products FINAL "
                + "WHERE product_id IN ('product_0', 'product_17')  ORDER BY product_id").rows()).containsExactly(
                List.of("product_0", catalog.get(0).brand(), catalog.get(0).model(),
                        catalog.get(0).priceText(), (long) catalog.get(0).numberOnHand()),
                List.of("product_17", catalog.get(17).brand(), catalog.get(17).model(),
                        catalog.get(17).priceText(), (long) catalog.get(17).numberOnHand()));

        Workshop.createTables(db, "events");
        new LandingIngest(db, Workshop.landing("events"), project, new BatchSettings(25_000, Duration.ofSeconds(5), 2,
                2), RetryPolicy.DEFAULT).run(StreamOptions.defaults(2), true, RunLimits.events(50_000), false,
                Progress.Listener.NONE);
        assertThat(db.queryLong("SELECT count() FROM events WHERE action = 'purchase'")).isGreaterThan(4000);
        assertThat(db.queryLong("SELECT countIf(e.price != p.price) FROM events AS e INNER JOIN products AS p "
                + "ON e.product_id = p.product_id WHERE e.action = 'purchase'")).isZero();

        var first = products.updatePrices(catalog, 10, 7);
        assertThat(first.changes()).hasSize(10).allSatisfy(c -> assertThat(c.newPrice()).isNotEqualTo(c.oldPrice())
                .isBetween(c.oldPrice() * 0.79 - 1, c.oldPrice() * 1.21 + 1));
        assertThat(first.updatedAt()).isAfter(StreamOptions.DEFAULT_START);
        assertThat(db.queryLong("SELECT count() FROM products")).isEqualTo(510);
        assertThat(db.queryLong("SELECT count() FROM products FINAL")).isEqualTo(500);
        for (ProductsTable.PriceChange change : first.changes()) {
            assertThat(db.query("SELECT price, number_on_hand FROM products FINAL WHERE product_id = ?",
                    change.productId()).rows()).containsExactly(List.of(change.newPrice(), (long) change.numberOnHand()));
        }
        var second = products.updatePrices(catalog, 5, 7);
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
        assertThat(db.queryLong("SELECT count() FROM products")).isEqualTo(515);
        assertThat(db.queryLong("SELECT uniqExact(updated_at) FROM products")).isEqualTo(3);
        assertThat(db.queryLong("SELECT countIf(f.price != a.latest) FROM (SELECT product_id, price FROM products FINAL) "
                + "AS f INNER JOIN (SELECT product_id, argMax(price, updated_at) AS latest FROM products "
                + "GROUP BY product_id) AS a USING (product_id)")).isZero();
    }

    @Test
    void anOlderCatalogLoadsButHasNoVersionsAndAMissingTableSaysWhatToRun(Database db) {
        db.execute("CREATE TABLE old_products (product_id String, brand String, model String, price Float32, "
                + "number_on_hand Int32) ENGINE = MergeTree ORDER BY (brand, model, number_on_hand)");
        ProductsTable old = new ProductsTable(db, "old_products");
        old.writeCatalog(ProductCatalog.create(50, 1), StreamOptions.DEFAULT_START);
        assertThat(db.queryLong("SELECT count() FROM old_products")).isEqualTo(50);
        assertThatThrownBy(() -> old.updatePrices(ProductCatalog.create(50, 1), 3, 1)).isInstanceOf(MvlabException.class)
                .hasMessage(db.name() + ".old_products has no updated_at column, so there is no price version to add");
        assertThatThrownBy(() -> new ProductsTable(db, "nowhere").writeCatalog(ProductCatalog.create(5, 1),
                StreamOptions.DEFAULT_START)).hasMessage("the products table " + db.name() + ".nowhere does not exist")
                .satisfies(e -> assertThat(((MvlabException) e).hint()).contains("mvlab apply"));
        db.execute("CREATE TABLE empty_products (product_id String, price Float64, updated_at DateTime) "
                + "ENGINE = ReplacingMergeTree(updated_at) ORDER BY product_id");
        assertThatThrownBy(() -> new ProductsTable(db, "empty_products").updatePrices(ProductCatalog.create(5, 1), 1, 1))
                .hasMessageContaining("is empty").satisfies(e -> assertThat(((MvlabException) e).hint())
                        .isEqualTo("write the catalog first: mvlab generate products"));
    }
}
