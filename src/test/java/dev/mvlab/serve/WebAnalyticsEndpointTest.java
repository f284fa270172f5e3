package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web-analytics endpoint (an excerpt of the web-analytics starter kit's {@code analytics_events} and
 * {@code top_pages}, as our own fixture): events posted to the Events API flow through two pipes into an
 * AggregatingMergeTree, and {@code top_pages.json} with parameters answers the same numbers as the raw table.
 */
@ExtendWith(ClickHouseExtension.class)
class WebAnalyticsEndpointTest {

    @Test
    void topPagesWithParametersEqualsTheSameQuestionAskedOfTheRawTable(Database db) {
        try (ServeFixture serve = new ServeFixture(db, ServeFixture.RESOURCES.resolve("wask"))) {
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            Random random = new Random(3);
            List<String> pages = List.of("/", "/pricing", "/docs", "/blog/mv", "/signup");
            List<String> agents = List.of("Mozilla/5.0 (iPhone)", "Mozilla/5.0 (Linux; Android 14)", "Mozilla/5.0 (X11)");
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 600; i++) {
                LocalDateTime at = today.minusDays(random.nextInt(10)).atTime(random.nextInt(24), random.nextInt(60));
                String payload = "{\\\"pathname\\\":\\\"" + pages.get(random.nextInt(pages.size()))
                        + "\\\",\\\"user-agent\\\":\\\"" + agents.get(random.nextInt(agents.size())) + "\\\"}";
                String action = i % 10 == 0 ? "session_start" : "page_hit";
                body.append("{\"timestamp\":\"").append(at).append("Z\",\"session_id\":\"s").append(random.nextInt(40))
                        .append("\",\"action\":\"").append(action).append("\",\"version\":\"1\",\"payload\":\"")
                        .append(payload).append("\"}\n");
            }
            HttpResponse<String> posted = serve.post("/v0/events?name=analytics_events&wait=true",
                    serve.token("tracker"), body.toString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

            String from = today.minusDays(5).toString();
            String to = today.minusDays(1).toString();
            HttpResponse<String> response = serve.get("/v0/pipes/top_pages.json?date_from=" + from + "&date_to=" + to
                    + "&limit=3", serve.token("dashboard"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode data = ServeFixture.json(response).get("data");
            List<String> endpoint = new ArrayList<>();
            data.forEach(row -> endpoint.add(row.get("pathname").asText() + " " + row.get("visits").asLong() + " "
                    + row.get("hits").asLong()));

            List<String> raw = new ArrayList<>();
            db.query("SELECT JSONExtractString(payload, 'pathname') AS pathname, uniq(coalesce(session_id, '0')) AS "
                    + "visits, count() AS hits FROM analytics_events WHERE action = 'page_hit' AND toDate(timestamp) "
                    + "BETWEEN ? AND ? GROUP BY pathname ORDER BY visits DESC, pathname LIMIT 3", from, to).rows()
                    .forEach(r -> raw.add(r.get(0) + " " + r.get(1) + " " + r.get(2)));
            assertThat(endpoint).hasSize(3).isEqualTo(raw);

            JsonNode defaults = ServeFixture.json(serve.get("/v0/pipes/top_pages.json", serve.token("dashboard")));
            long hitsLastWeek = db.queryLong("SELECT count() FROM analytics_events WHERE action = 'page_hit' AND "
                    + "toDate(timestamp) >= today() - 7 AND toDate(timestamp) <= today()");
            long sum = 0;
            for (JsonNode row : defaults.get("data")) {
                sum += row.get("hits").asLong();
            }
            assertThat(sum).isEqualTo(hitsLastWeek);

            assertThat(serve.get("/v0/pipes/top_pages.json?date_from=yesterday", serve.token("dashboard"))
                    .statusCode()).isEqualTo(400);
        }
    }
}
