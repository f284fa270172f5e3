package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.ProductCatalog;
import dev.mvlab.generate.ProductsTable;
import dev.mvlab.generate.StreamOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDateTime;

/** {@code mvlab generate products}: the catalog the stream uses, into the products data source; new price versions. */
@Command(name = "products", mixinStandardHelpOptions = true, description = {"Write the product catalog the event stream uses (same prices) into the "
        + "products data source, or, with --update-prices N, new versions of N products (a new price and stock "
        + "count, a later updated_at), for the JOIN and ReplacingMergeTree lessons."})
final class ProductsCommand implements Runnable {
    @Mixin
    EngineOptions engine;
    @Spec
    CommandSpec spec;

    @Option(names = "--datasource", defaultValue = "products", paramLabel = "NAME",
            description = "The products data source (default: ${DEFAULT-VALUE}).")
    String datasource;

    @Mixin
    DatabaseOption database;
    @Mixin
    LocalClusterReadWrite cluster;

    @Option(names = "--products", defaultValue = "" + StreamOptions.DEFAULT_PRODUCTS,
            description = "Catalog size, as given to 'generate' (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--catalog-seed", defaultValue = "" + StreamOptions.DEFAULT_CATALOG_SEED,
            description = "Catalog seed, as given to 'generate' (default ${DEFAULT-VALUE}).")
    long catalogSeed;

    @Option(names = "--updated-at", converter = Converters.DateTimeConverter.class, paramLabel = "DATETIME",
            description = "Version time of the catalog rows (default: the stream's default start, 2024-09-19T00:00:00).")
    LocalDateTime updatedAt;

    @Option(names = "--update-prices", paramLabel = "N",
            description = "Instead of the catalog, write new versions (price, stock) of N products, after the newest one.")
    Integer updatePrices;

    @Option(names = "--seed", defaultValue = "1", description = "Seed choosing products and prices to update (default 1).")
    long seed;

    @Override
    public void run() {
        if (products < 1 || products > 10_000_000 || updatePrices != null && updatePrices < 1) {
            throw new MvlabException(ExitCode.USAGE, "--products and --update-prices must be at least 1",
                    "see mvlab generate products --help");
        }
        ProductCatalog catalog = ProductCatalog.create(products, catalogSeed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = cluster.given() ? cluster.connect(engine, err, database.name())
                : database.connect(engine, err)) {
            ProductsTable table = new ProductsTable(db, datasource);
            if (updatePrices == null) {
                var result = table.writeCatalog(catalog, updatedAt == null ? StreamOptions.DEFAULT_START : updatedAt);
                if (cluster.given()) {
                    cluster.flush(engine, db, datasource, err);
                }
                out.println(result.table() + ": wrote " + result.rows() + " products (updated_at "
                        + result.updatedAt() + ")");
                return;
            }
            var result = table.updatePrices(catalog, updatePrices, seed);
            if (cluster.given()) {
                cluster.flush(engine, db, datasource, err);
            }
            result.changes().forEach(c -> out.println("  " + c.productId() + ": " + c.oldPrice() + " -> "
                    + c.newPrice() + ", " + c.numberOnHand() + " on hand"));
            out.println(result.table() + ": wrote new prices of " + result.rows() + " products (updated_at "
                    + result.updatedAt() + ")");
        }
    }
}
