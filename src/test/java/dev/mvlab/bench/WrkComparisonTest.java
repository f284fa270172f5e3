package dev.mvlab.bench;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** wrk's report read right, its request built right, and (when wrk is installed) a real run against a real server. */
class WrkComparisonTest {
    @Test
    void readsTheRateAndThePercentilesOfARealReport() throws Exception {
        String report = Files.readString(Path.of("src/test/resources/bench/wrk-output.txt"));
        WrkComparison.Figures figures = WrkComparison.parse(report);
        assertThat(figures.perSecond()).isEqualTo(91.98);
        assertThat(figures.p50()).isEqualTo(18.46);
        assertThat(figures.p99()).isEqualTo(58.28);
    }

    @Test
    void convertsMicrosecondsAndSecondsToMilliseconds() {
        WrkComparison.Figures figures = WrkComparison.parse("""
                  Latency Distribution
                     50%  812.00us
                     75%    1.20ms
                     99%    1.18s
                Requests/sec:  16095.12
                """);
        assertThat(figures.p50()).isEqualTo(0.812, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.p99()).isEqualTo(1180.0);
        assertThat(figures.perSecond()).isEqualTo(16095.12);
    }

    @Test
    void aReportWithoutARateIsAnError() {
        assertThatThrownBy(() -> WrkComparison.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .hasMessageContaining("no request rate").hasMessageContaining("Connection refused");
    }

    @Test
    void theLuaScriptQuotesTheBodyAndTheToken() {
        String lua = WrkComparison.luaScript("Bearer a\"b", "{\"k\":\"v\\\\w\"}\n");
        assertThat(lua).contains("wrk.method = \"POST\"")
                .contains("wrk.headers[\"Authorization\"] = \"Bearer a\\\"b\"")
                .contains("wrk.body = \"{\\\"k\\\":\\\"v\\\\\\\\w\\\"}\\n\"");
    }

    @Test
    void aRealRunPostsExactlyTheBodyWithTheTokenOverEveryConnection(@TempDir Path work) throws Exception {
        Path wrk = WrkComparison.find().orElse(null);
        assumeTrue(wrk != null, "wrk is not installed");
        String body = "{\"action\":\"view\",\"name\":\"caf\u00e9 \\\"x\\\"\"}\n";
        AtomicInteger right = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        Set<Object> connections = ConcurrentHashMap.newKeySet();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String got = Content.Source.asString(request, StandardCharsets.UTF_8);
                boolean ok = request.getMethod().equals("POST") && got.equals(body)
                        && Objects.equals(request.getHeaders().get("Authorization"), "Bearer t0k");
                (ok ? right : wrong).incrementAndGet();
                connections.add(request.getConnectionMetaData().getId());
                response.setStatus(202);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        try {
            WrkComparison.Figures figures = WrkComparison.run(wrk, work, "http://127.0.0.1:" + connector.getLocalPort()
                    + "/v0/events?name=x", "Bearer t0k", body.getBytes(StandardCharsets.UTF_8), 3,
                    Duration.ofSeconds(1));
            assertThat(wrong.get()).isZero();
            assertThat(right.get()).isPositive();
            assertThat(connections).hasSize(3);
            assertThat(figures.perSecond()).isPositive();
            assertThat(figures.p99()).isGreaterThanOrEqualTo(figures.p50());
        } finally {
            server.stop();
        }
    }
}
