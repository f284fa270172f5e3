package dev.mvlab.serve;

import dev.mvlab.testing.ProjectCopy;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.cli.Main;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 1: the Tinybird workshop's landing data source keeps the event's {@code product} object in a String
 * column ({@code product_info String `json:$.product`}) and its pipes read {@code JSONExtractFloat(product_info,
 * 'price')}. The workshop generator's events, posted through serve, appended with {@code mvlab append} and produced
 * by {@code mvlab generate}, land with the object's JSON text exactly as ClickHouse's {@code JSONExtractRaw} gives it,
 * and the pipes answer the sum of the prices.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkshopProductInfoTest {
    private static final Path PROJECT = ServeFixture.RESOURCES.resolve("workshop-json");
    /** The events carry 2024-09-19T16:mm:ss; the endpoint reads the last 7 days: they are moved to an hour ago. */
    private static final String FIXTURE_HOUR = "2024-09-19T16";

    private ServeFixture serve;
    private Database db;
    private List<String> events;
    private BigDecimal revenue;

    @BeforeAll
    void start(Database db) throws IOException {
        this.db = db;
        serve = new ServeFixture(db, PROJECT);
        String hour = LocalDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.HOURS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH"));
        events = Files.readAllLines(ServeFixture.RESOURCES.resolve("workshop-json-events.ndjson")).stream()
                .map(line -> line.replace(FIXTURE_HOUR, hour)).toList();
        revenue = BigDecimal.ZERO;
        for (String line : events) {
            JsonNode price = ServeFixture.JSON.readTree(line).path("product").path("price");
            if (!price.isMissingNode()) {
                revenue = revenue.add(price.decimalValue());
            }
        }
        assertThat(revenue).isEqualByComparingTo("136.59");
    }

    @AfterAll
    void stop() {
        serve.close();
    }

    @Test
    void serveAndAppendStoreTheProductObjectAsJsonTextAndThePipesSumItsPrices(Endpoint endpoint) throws IOException {
        HttpResponse<String> response = serve.post("/v0/events?name=estore_stream&wait=true", serve.admin(),
                String.join("\n", events));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ServeFixture.json(response).get("successful_rows").asLong()).isEqualTo(events.size());
        assertLanded();

        db.execute("TRUNCATE TABLE estore_stream");
        db.execute("TRUNCATE TABLE purchases_mv");
        Path project = Files.createTempDirectory("mvlab-workshop-json");
        ProjectCopy.tree(PROJECT, project);
        Path file = project.resolve("events.ndjson");
        Files.write(file, events);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "append", "estore_stream", file.toString(),
                "--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl(), "-d", db.name());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains(events.size() + " rows appended to estore_stream, 0 quarantined");
        assertLanded();
    }

    @Test
    void generateStoresTheProductObjectAsJsonText(Endpoint endpoint) throws IOException {
        Path project = Files.createTempDirectory("mvlab-workshop-generate");
        ProjectCopy.tree(PROJECT, project);
        String database = db.name() + "_generate";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] connection = {"--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl(), "-d",
                database};
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), concat(new String[]{"apply"}, connection)))
                .as(out + "\n" + err).isZero();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), concat(new String[]{"generate", "-n", "400",
                "--datasource", "estore_stream"}, connection));
        assertThat(code).as(out + "\n" + err).isZero();
        try (Database generated = db.use(database)) {
            assertThat(generated.queryLong("SELECT count() FROM estore_stream")).isEqualTo(400);
            // every row's product_info is the object's compact text, with the product id the row has
            assertThat(generated.queryLong("SELECT count() FROM estore_stream WHERE startsWith(product_info, '{') "
                    + "AND JSONExtractString(product_info, 'product_id') = product_id")).isEqualTo(400);
            long purchases = generated.queryLong("SELECT count() FROM estore_stream WHERE action = 'purchase'");
            assertThat(purchases).isPositive();
            assertThat(generated.queryLong("SELECT count() FROM estore_stream WHERE action = 'purchase' "
                    + "AND JSONExtractFloat(product_info, 'price') > 0")).isEqualTo(purchases);
            assertThat(generated.queryLong("SELECT count() FROM purchases_mv")).isEqualTo(generated.queryLong(
                    "SELECT count() FROM (SELECT DISTINCT timestamp, product_id, customer_id, "
                            + "JSONExtractFloat(product_info, 'price') FROM estore_stream WHERE action = 'purchase')"));
        } finally {
            db.dropDatabase(database);
        }
    }

    private void assertLanded() {
        assertThat(db.queryLong("SELECT count() FROM estore_stream")).isEqualTo(events.size());
        for (String line : events) {
            JsonNode event = readTree(line);
            Object expected = db.query("SELECT JSONExtractRaw(?, 'product')", line).rows().get(0).get(0);
            assertThat(db.query("SELECT product_info FROM estore_stream WHERE customer_id = ? AND action = ? "
                            + "AND product_id = ?", event.get("customer_id").asText(), event.get("action").asText(),
                    event.get("product").get("product_id").asText()).rows()).as(line)
                    .extracting(r -> r.get(0)).containsExactly(expected);
        }
        // compact, numbers as ClickHouse writes them, \\u escapes decoded
        assertThat(db.query("SELECT product_info FROM estore_stream WHERE product_id IN ('product_3', 'product_9') "
                + "AND action = 'purchase' ORDER BY product_id").rows()).extracting(r -> r.get(0)).containsExactly(
                "{\"product_id\":\"product_3\",\"price\":100}",
                "{\"product_id\":\"product_9\",\"price\":7,\"tags\":[\"sale\",\"café\"]}");

        JsonNode data = ServeFixture.json(serve.get("/v0/pipes/get_hourly_revenue.json", serve.admin()))
                .get("data");
        assertThat(data).as(String.valueOf(data)).hasSize(1);
        assertThat(data.get(0).get("revenue").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(new BigDecimal(db.query("SELECT toString(round(sum(price), 2)) FROM purchases_mv").rows().get(0)
                .get(0).toString())).isEqualByComparingTo(revenue.setScale(2, RoundingMode.HALF_UP));
        assertThat(db.queryLong("SELECT count() FROM purchases_mv")).isEqualTo(5);
    }

    private static JsonNode readTree(String line) {
        try {
            return ServeFixture.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }

}
