package dev.mvlab.generate;

import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.clickhouse.HttpInserter;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The products dimension: writes the catalog the event stream uses into the {@code products} data source
 * (product_id, brand, model, price, number_on_hand, updated_at; a ReplacingMergeTree with version updated_at), and
 * writes new price versions of some products later, for the JOIN and ReplacingMergeTree lessons. Columns the table
 * lacks are left out, so older catalogs (without updated_at, say) still load; product_id is required.
 */
public final class ProductsTable {
    static final List<String> COLUMNS = List.of("product_id", "brand", "model", "price", "number_on_hand",
            "updated_at");
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database db;
    private final String table;

    public ProductsTable(Database db, String table) {
        this.db = db;
        this.table = table;
    }

    /** One product whose price changed (and its stock count, counted anew). */
    public record PriceChange(String productId, double oldPrice, double newPrice, int numberOnHand) {
    }

    /** What a write did: rows written, and for a price update the changes and their version time. */
    public record ProductsResult(String table, long rows, LocalDateTime updatedAt, List<PriceChange> changes) {
    }

    /** Writes every product of the catalog once, as of {@code updatedAt}. */
    public ProductsResult writeCatalog(ProductCatalog catalog, LocalDateTime updatedAt) {
        Set<String> columns = columns();
        StringBuilder body = new StringBuilder();
        for (Product product : catalog.products()) {
            body.append(row(columns, product.id(), product.brand(), product.model(), product.priceText(),
                    product.numberOnHand(), updatedAt));
        }
        insert(columns, body.toString());
        return new ProductsResult(qualified(), catalog.size(), updatedAt, List.of());
    }

    /**
     * Writes new versions of {@code count} products with changed prices (up to 20% up or down) and a new stock count,
     * one second after the newest version in the table, or now when that is later. Which products and prices follows from {@code seed}
     * and the table's content, so the same state and seed give the same update.
     */
    public ProductsResult updatePrices(ProductCatalog catalog, int count, long seed) {
        Set<String> columns = columns();
        if (!columns.contains("updated_at") || !columns.contains("price")) {
            throw new MvlabException(ExitCode.DATABASE, qualified() + " has no " + (columns.contains("price")
                    ? "updated_at" : "price") + " column, so there is no price version to add",
                    "its data source needs `price` and `updated_at` (ENGINE_VER updated_at)");
        }
        QueryResult current = db.query("SELECT product_id, toFloat64(argMax(price, updated_at)), "
                + "toString(max(updated_at)) FROM " + qualifiedSql() + " GROUP BY product_id ORDER BY product_id");
        if (current.size() == 0) {
            throw new MvlabException(ExitCode.DATABASE, qualified() + " is empty: there are no prices to update",
                    "write the catalog first: mvlab generate products");
        }
        Map<String, Product> byId = catalog.products().stream().collect(Collectors.toMap(Product::id, p -> p));
        LocalDateTime newest = current.rows().stream().map(r -> LocalDateTime.parse(String.valueOf(r.get(2))
                .substring(0, 19), TEXT)).max(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime at = now.isAfter(newest) ? now : newest.plusSeconds(1);
        long total = db.queryLong("SELECT count() FROM " + qualifiedSql());
        SplittableRandom random = new SplittableRandom(seed * 31 + total);
        List<List<Object>> candidates = new ArrayList<>(current.rows());
        List<PriceChange> changes = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int updates = Math.min(count, candidates.size()); // fixed before the loop takes candidates away
        for (int i = 0; i < updates; i++) {
            List<Object> row = candidates.remove(random.nextInt(candidates.size()));
            String id = String.valueOf(row.get(0));
            long oldCents = Math.round(((Number) row.get(1)).doubleValue() * 100);
            long newCents = newPrice(oldCents, random);
            Product product = byId.get(id);
            int stock = random.nextInt(1001);
            body.append(row(columns, id, product == null ? null : product.brand(),
                    product == null ? null : product.model(), Product.formatCents(newCents), stock, at));
            changes.add(new PriceChange(id, oldCents / 100.0, newCents / 100.0, stock));
        }
        insert(columns, body.toString());
        changes.sort((a, b) -> a.productId().compareTo(b.productId()));
        return new ProductsResult(qualified(), changes.size(), at, changes);
    }

    /** Up to 20% up or down, whole dollars ending in .99, never the old price, never below 0.99. */
    private static long newPrice(long oldCents, SplittableRandom random) {
        double factor = 0.8 + random.nextDouble() * 0.4;
        long dollars = Math.max(0, Math.round(oldCents * factor / 100.0) - 1);
        long cents = dollars * 100 + 99;
        if (cents != oldCents) {
            return cents;
        }
        // a cheap price (1.99) rounds back to itself for every factor: move it by a dollar instead
        return oldCents >= 199 && random.nextBoolean() ? oldCents - 100 : oldCents + 100;
    }

    private Set<String> columns() {
        QueryResult rows = LandingTable.columnsOf(db, table, table + ".datasource");
        if (rows.size() == 0) {
            throw new MvlabException(ExitCode.DATABASE, "the products table " + qualified() + " does not exist",
                    "create it from " + table + ".datasource first: mvlab apply" + (db.name().equals("default") ? ""
                    : " --database " + db.name()));
        }
        Set<String> names = rows.rows().stream().map(r -> String.valueOf(r.get(0))).collect(Collectors.toSet());
        if (!names.contains("product_id")) {
            throw new MvlabException(ExitCode.DATABASE, qualified() + " has no product_id column",
                    "the products data source needs product_id String (and brand, model, price, number_on_hand, "
                            + "updated_at)");
        }
        return names;
    }

    private static String row(Set<String> columns, String id, String brand, String model, String price,
                              int onHand, LocalDateTime updatedAt) {
        Map<String, String> values = new TreeMap<>();
        values.put("product_id", quote(id));
        if (brand != null) {
            values.put("brand", quote(brand));
            values.put("model", quote(model));
        }
        values.put("price", price);
        values.put("number_on_hand", Integer.toString(onHand));
        values.put("updated_at", quote(TEXT.format(updatedAt)));
        List<String> fields = new ArrayList<>();
        for (String column : COLUMNS) {
            if (columns.contains(column) && values.containsKey(column)) {
                fields.add("\"" + column + "\":" + values.get(column));
            }
        }
        return "{" + String.join(",", fields) + "}\n";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void insert(Set<String> columns, String body) {
        String sql = "INSERT INTO " + qualifiedSql() + " SETTINGS input_format_skip_unknown_fields = 1 "
                + "FORMAT JSONEachRow";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            new HttpInserter(db.endpoint(), db.name(), sql, RetryPolicy.DEFAULT).insert(bytes, bytes.length,
                    "products-" + Long.toHexString(new SplittableRandom().nextLong()));
        } catch (HttpInserter.Unavailable e) {
            throw new MvlabException(ExitCode.ENGINE, e.getMessage(), "check the engine: mvlab engine status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MvlabException(ExitCode.ENGINE, "interrupted", null);
        }
    }

    private String qualified() {
        return db.name() + "." + table;
    }

    private String qualifiedSql() {
        return Identifiers.quote(db.name()) + "." + Identifiers.quote(table);
    }
}
