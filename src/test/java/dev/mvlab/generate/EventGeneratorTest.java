package dev.mvlab.generate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The stream's rules, mix, duplicates, lateness and determinism, checked on the events themselves. */
class EventGeneratorTest {
    private static final int N = 200_000;

    private static String ndjson(StreamOptions options, long events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonExport().write(options, RunLimits.events(events), out, "memory", Progress.Listener.NONE);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void linesHaveTheWorkshopShapeAndPurchasesCarryTheCatalogPrice() {
        StreamOptions options = StreamOptions.defaults(3);
        ProductCatalog catalog = ProductCatalog.create(options.products(), options.catalogSeed());
        EventGenerator generator = new EventGenerator(options);
        EventJson json = new EventJson();
        int purchases = 0;
        for (int i = 0; i < 20_000; i++) {
            Event event = generator.next();
            String line = json.line(event);
            if (event.action() == Action.PURCHASE) {
                purchases++;
                Product product = catalog.get(event.product());
                assertThat(event.priceCents()).isEqualTo(product.priceCents());
                assertThat(line).matches("\\{\"customer_id\":\"customer_\\d+\",\"product\":\\{\"product_id\":"
                        + "\"product_\\d+\",\"price\":\\d+\\.\\d\\d},\"action\":\"purchase\",\"timestamp\":"
                        + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\"}");
                assertThat(line).contains("\"price\":" + product.priceText() + "}");
            } else {
                assertThat(line).matches("\\{\"customer_id\":\"customer_\\d+\",\"product\":\\{\"product_id\":"
                        + "\"product_\\d+\"},\"action\":\"(view|cart|uncart|return)\",\"timestamp\":"
                        + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\"}");
            }
        }
        assertThat(purchases).isGreaterThan(1000);
        assertThat(json.line(new Event(464, 17, Action.VIEW, LocalDateTime.of(2024, 9, 19, 16, 33, 11)
                .toEpochSecond(ZoneOffset.UTC), -1, false, false))).isEqualTo("{\"customer_id\":\"customer_464\","
                + "\"product\":{\"product_id\":\"product_17\"},\"action\":\"view\",\"timestamp\":\"2024-09-19T16:33:11\"}");
        assertThat(json.line(new Event(27, 499, Action.PURCHASE, LocalDateTime.of(2024, 9, 19, 16, 31, 13)
                .toEpochSecond(ZoneOffset.UTC), 2399, false, false))).isEqualTo("{\"customer_id\":\"customer_27\","
                + "\"product\":{\"product_id\":\"product_499\",\"price\":23.99},\"action\":\"purchase\","
                + "\"timestamp\":\"2024-09-19T16:31:13\"}");
    }

    @Test
    void sameSeedAndOptionsGiveTheSameBytesAndAnotherSeedDoesNot() {
        String first = ndjson(StreamOptions.defaults(42), 50_000);
        String second = ndjson(StreamOptions.defaults(42), 50_000);
        assertThat(first).hasSize(second.length()).isEqualTo(second);
        assertThat(first.lines()).hasSize(50_000);
        assertThat(ndjson(StreamOptions.defaults(43), 50_000)).isNotEqualTo(first);
        StreamOptions fewerCustomers = new StreamOptions(100, 500, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START,
                5, 0.02, 0.01, Duration.ofMinutes(10), 42, 1);
        assertThat(ndjson(fewerCustomers, 50_000)).isNotEqualTo(first);
        assertThat(ndjson(StreamOptions.defaults(42), 10_000)).isEqualTo(first.substring(0,
                ndjson(StreamOptions.defaults(42), 10_000).length()));
    }

    @Test
    void everyEventFollowsTheRulesInEventTimeOrderPerCustomerAndProduct() {
        StreamOptions options = new StreamOptions(50, 40, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START, 20,
                0.02, 0.05, Duration.ofMinutes(10), 11, 1);
        EventGenerator generator = new EventGenerator(options);
        Map<Integer, PairReplay> pairs = new HashMap<>();
        List<Event> originals = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Event event = generator.next();
            if (event.duplicate()) {
                continue;
            }
            originals.add(event);
            pairs.computeIfAbsent(event.customer() * 1000 + event.product(), k -> new PairReplay()).add(event);
        }
        pairs.values().forEach(PairReplay::check);
        assertThat(pairs.size()).isGreaterThan(1900);
    }

    /** One customer and product: events in stream order must have increasing times and follow the rules. */
    private static final class PairReplay {
        long lastTime = Long.MIN_VALUE;
        boolean viewed;
        boolean inCart;
        int purchased;

        void add(Event e) {
            assertThat(e.timestamp()).as("time of %s after the pair's previous event", e).isGreaterThan(lastTime);
            lastTime = e.timestamp();
            switch (e.action()) {
                case VIEW -> viewed = true;
                case CART -> {
                    assertThat(viewed && !inCart).as("cart of a viewed product not in the cart: %s", e).isTrue();
                    inCart = true;
                }
                case UNCART -> {
                    assertThat(inCart).as("uncart of a carted product: %s", e).isTrue();
                    inCart = false;
                }
                case PURCHASE -> {
                    assertThat(inCart).as("purchase of a carted product: %s", e).isTrue();
                    inCart = false;
                    purchased++;
                }
                case RETURN -> {
                    assertThat(purchased).as("return of a purchased product: %s", e).isPositive();
                    purchased--;
                }
            }
        }

        void check() {
            assertThat(purchased).isNotNegative();
        }
    }

    @Test
    void theRealisedMixFollowsTheWeightsEvenWithUnusualOnes() {
        for (ActionWeights weights : List.of(ActionWeights.DEFAULT, ActionWeights.parse("view=30,cart=30,uncart=10,"
                + "purchase=20,return=10"), ActionWeights.parse("view=1,cart=1,uncart=0,purchase=1,return=0"))) {
            StreamOptions options = new StreamOptions(500, 500, weights, StreamOptions.DEFAULT_START, 5, 0.02, 0.01,
                    Duration.ofMinutes(10), 5, 1);
            EventGenerator generator = new EventGenerator(options);
            Map<Action, Integer> counts = new EnumMap<>(Action.class);
            int originals = 0;
            for (int i = 0; i < N; i++) {
                Event event = generator.next();
                if (!event.duplicate()) {
                    counts.merge(event.action(), 1, Integer::sum);
                    originals++;
                }
            }
            for (Action action : Action.values()) {
                double share = counts.getOrDefault(action, 0) / (double) originals;
                assertThat(share).as("%s share with %s", action, weights).isCloseTo(weights.share(action), within(0.005));
            }
        }
    }

    @Test
    void duplicatesAreExactResendsOfARecentLineInTheConfiguredShare() {
        EventGenerator generator = new EventGenerator(StreamOptions.defaults(9));
        EventJson json = new EventJson();
        List<String> lines = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < N; i++) {
            Event event = generator.next();
            String line = json.line(event);
            if (event.duplicate()) {
                duplicates++;
                assertThat(lines.subList(Math.max(0, lines.size() - 11), lines.size())).contains(line);
            } else {
                assertThat(lines.subList(Math.max(0, lines.size() - 11), lines.size())).doesNotContain(line);
            }
            lines.add(line);
        }
        assertThat(duplicates / (double) N).isCloseTo(0.02, within(0.002));
    }

    @Test
    void lateEventsLieBehindTheClockByAtMostTheMaximumAndTheClockMovesAtThePace() {
        StreamOptions options = new StreamOptions(500, 500, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START, 5,
                0, 0.03, Duration.ofMinutes(4), 21, 1);
        EventGenerator generator = new EventGenerator(options);
        long clock = Long.MIN_VALUE;
        int late = 0;
        long maxBehind = 0;
        for (int i = 0; i < N; i++) {
            Event event = generator.next();
            if (event.late()) {
                late++;
                assertThat(event.timestamp()).isLessThan(clock + 1);
                maxBehind = Math.max(maxBehind, clock - event.timestamp());
            } else {
                assertThat(event.timestamp()).as("on-time events follow the clock").isGreaterThanOrEqualTo(clock);
                clock = event.timestamp();
            }
        }
        assertThat(late / (double) N).isCloseTo(0.03, within(0.003));
        assertThat(maxBehind).isLessThanOrEqualTo(240).isGreaterThan(200);
        long span = clock - StreamOptions.DEFAULT_START.toEpochSecond(ZoneOffset.UTC);
        assertThat(span).isCloseTo(N / 5, within((long) (N / 5 * 0.02)));
    }

    @Test
    void theCatalogIsStableAndPricesArePlausible() {
        ProductCatalog a = ProductCatalog.create(500, 1);
        ProductCatalog b = ProductCatalog.create(500, 1);
        assertThat(a.products()).isEqualTo(b.products());
        assertThat(ProductCatalog.create(500, 2).products()).isNotEqualTo(a.products());
        assertThat(a.products()).allSatisfy(p -> {
            assertThat(p.priceCents() % 100).isEqualTo(99);
            assertThat(p.price()).isBetween(0.99, 499.99);
            assertThat(p.numberOnHand()).isBetween(0, 1000);
        });
        assertThat(a.get(17).id()).isEqualTo("product_17");
        assertThat(a.products().stream().map(Product::brand).distinct().count()).isGreaterThan(8);
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> ActionWeights.parse("view=0")).hasMessageContaining("view weight must be above 0");
        assertThatThrownBy(() -> ActionWeights.parse("buy=3")).hasMessageContaining("unknown action 'buy'");
        assertThatThrownBy(() -> ActionWeights.parse("cart=x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new StreamOptions(0, 5, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START, 5, 0, 0,
                Duration.ZERO, 1, 1)).hasMessageContaining("customers");
        assertThatThrownBy(() -> new StreamOptions(5, 5, ActionWeights.DEFAULT, StreamOptions.DEFAULT_START, 5, 0.6,
                0, Duration.ZERO, 1, 1)).hasMessageContaining("duplicate share");
        assertThatThrownBy(() -> new RunLimits(null, null, 0)).hasMessageContaining("number of events or a duration");
    }
}
