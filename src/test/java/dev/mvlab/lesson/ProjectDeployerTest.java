package dev.mvlab.lesson;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lesson's deployer and event source over the repository's workshop project, on the real engine. */
@ExtendWith(ClickHouseExtension.class)
class ProjectDeployerTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static Project project;
    static ProjectDeployer deployer;

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void load() {
        project = ProjectLoader.load(REPO);
        deployer = new ProjectDeployer(project, new SqlRenderer(new SqlTemplates(null)));
    }

    private static Database fresh(Database server, String name) {
        server.dropDatabase(name);
        server.createDatabase(name);
        return server.use(name);
    }

    private static List<String> tables(Database db) {
        return db.query("SELECT name FROM system.tables WHERE database = ? ORDER BY name", db.name()).rows().stream()
                .map(r -> (String) r.get(0)).toList();
    }

    @Test
    void applyCreatesWhatANameNeedsAndNothingItFeeds(Database server) {
        try (Database db = fresh(server, server.name() + "_pull")) {
            ApplyOutcome first = deployer.apply(new ApplyRequest(List.of("purchases_mv"), false), db);
            assertThat(tables(db)).containsExactly("estore_events", "purchases", "purchases_mv");
            assertThat(first.statements()).hasSize(3);
            assertThat(first.statements().get(2)).contains("CREATE MATERIALIZED VIEW purchases_mv TO purchases");

            ApplyOutcome again = deployer.apply(new ApplyRequest(List.of("purchases_mv", "sales_per_minute_mv"), false),
                    db);
            assertThat(again.statements()).extracting(s -> s.lines().filter(l -> l.startsWith("CREATE")).findFirst()
                    .orElse("")).containsExactly("CREATE TABLE sales_per_minute", "CREATE MATERIALIZED VIEW "
                    + "sales_per_minute_mv TO sales_per_minute");
            assertThat(again.notes()).containsExactly("already in place, left as they are: estore_events, "
                    + "purchases, purchases_mv");

            ApplyOutcome inline = deployer.apply(new ApplyRequest(List.of("stock_by_brand"), false), db);
            assertThat(tables(db)).contains("products", "stock_by_brand", "stock_by_brand_mv");
            assertThat(inline.statements()).hasSize(3);

            deployer.drop(List.of("purchases_mv"), db);
            assertThat(tables(db)).contains("purchases", "sales_per_minute_mv").doesNotContain("purchases_mv");
        }
    }

    @Test
    void unknownNamesAreTheOnesTheProjectLacks() {
        assertThat(deployer.unknownNames(List.of("purchases", "nowhere", "top_products", "purchase_mv")))
                .containsExactly("nowhere", "purchase_mv");
    }

    @Test
    void backfillCountsEveryRowOnceAndCascadesThroughNewViews(Database server) {
        GeneratorEventSource events = new GeneratorEventSource(project, checkpoints);
        try (Database db = fresh(server, server.name() + "_backfill")) {
            deployer.apply(new ApplyRequest(List.of("estore_events"), false), db);
            events.events(new GenerateRequest(3000, 1, Map.of("products", "50", "batch_size", "1000")), db);

            ApplyOutcome outcome = deployer.apply(new ApplyRequest(List.of("purchases_mv", "sales_per_minute_mv"),
                    true), db);
            assertThat(outcome.statements().get(outcome.statements().size() - 1))
                    .startsWith("INSERT INTO purchases (timestamp, customer_id, product_id, price)\nWITH\n"
                            + "    estore_events AS (SELECT * FROM " + db.name() + ".estore_events WHERE _part IN (");
            assertThat(outcome.notes()).anyMatch(n -> n.startsWith("sales_per_minute_mv: no backfill, the table it "
                    + "reads is new"));
            assertThat(db.queryLong("SELECT count() FROM system.parts WHERE database = currentDatabase() "
                    + "AND table = 'estore_events' AND active")).isPositive();

            events.events(new GenerateRequest(2000, 2, Map.of("products", "50")), db);
            long raw = db.queryLong("SELECT count() FROM estore_events WHERE action = 'purchase' AND price IS NOT NULL");
            assertThat(raw).isGreaterThan(200);
            assertThat(db.queryLong("SELECT count() FROM purchases")).isEqualTo(raw);
            assertThat(db.queryLong("SELECT countMerge(purchases) FROM sales_per_minute")).isEqualTo(raw);

            deployer.apply(new ApplyRequest(List.of("sales_per_hour_mv"), true), db);
            assertThat(db.queryLong("SELECT countMerge(purchases) FROM sales_per_hour")).isEqualTo(raw);
        }
    }

    @Test
    void generatorOptionsAreReadAndBadOnesNamed(Database server) {
        GeneratorEventSource events = new GeneratorEventSource(project, checkpoints);
        try (Database db = fresh(server, server.name() + "_options")) {
            deployer.apply(new ApplyRequest(List.of("estore_events", "products"), false), db);
            GenerateOutcome outcome = events.events(new GenerateRequest(500, 5, Map.of("products", "10", "customers",
                    "20", "duplicates", "0", "late", "0%", "start", "2024-10-01 06:00:00", "batch_size", "100")), db);
            assertThat(outcome.rows()).isEqualTo(500);
            assertThat(outcome.notes().get(0)).contains("0 exact duplicates, 0 late; 5 inserts; event time from "
                    + "2024-10-01 06:00");
            assertThat(db.queryLong("SELECT uniqExact(product_id) FROM estore_events")).isLessThanOrEqualTo(10);
            assertThat(db.queryLong("SELECT count() FROM estore_events WHERE timestamp < '2024-10-01 06:00:00'"))
                    .isZero();

            assertThat(events.products(new GenerateRequest(10, 1, Map.of()), db).rows()).isEqualTo(10);
            GenerateOutcome prices = events.updatePrices(new GenerateRequest(0, 3, Map.of()), db);
            assertThat(prices.rows()).isEqualTo(10);
            assertThat(db.queryLong("SELECT count() FROM products FINAL")).isEqualTo(10);

            assertThatThrownBy(() -> events.events(new GenerateRequest(10, 1, Map.of("late", "lots")), db))
                    .hasMessage("generator option late: 'lots' is not a share such as 0.05 or 5%");
        }
    }
}
