package dev.mvlab.generate;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Everything that decides the content of an event stream: the same options give a byte-identical stream.
 *
 * @param customers       how many customers (customer_0 .. customer_{n-1})
 * @param products        how many products in the catalog (product_0 .. product_{n-1})
 * @param weights         relative weights of the actions
 * @param start           the simulated clock's start (event time, no time zone, as the events carry it)
 * @param pace            events per simulated second: the simulated clock advances 1/pace s per event on average
 * @param duplicateShare  share of emitted lines that are exact resends of an earlier line (0 to 0.5)
 * @param lateShare       share of events whose timestamp lies behind the simulated clock (0 to 1)
 * @param maxLateness     how far behind the clock a late event may be
 * @param seed            the stream's random seed
 * @param catalogSeed     the seed of the product catalog (brands, models, prices); shared with {@code generate products}
 */
public record StreamOptions(int customers, int products, ActionWeights weights, LocalDateTime start, double pace,
                            double duplicateShare, double lateShare, Duration maxLateness, long seed,
                            long catalogSeed) {

    public static final int DEFAULT_CUSTOMERS = 500;
    public static final int DEFAULT_PRODUCTS = 500;
    public static final LocalDateTime DEFAULT_START = LocalDateTime.of(2024, 9, 19, 0, 0, 0);
    public static final double DEFAULT_PACE = 5;
    public static final double DEFAULT_DUPLICATE_SHARE = 0.02;
    public static final double DEFAULT_LATE_SHARE = 0.01;
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(10);
    public static final long DEFAULT_CATALOG_SEED = 1;
    public static final long MAX_PAIRS = 10_000_000L;

    public StreamOptions {
        require(customers >= 1 && customers <= 10_000_000, "customers must be between 1 and 10000000");
        require(products >= 1 && products <= 10_000_000, "products must be between 1 and 10000000");
        require((long) customers * products <= MAX_PAIRS,
                "customers x products must be at most " + MAX_PAIRS + " (the generator keeps a state per pair)");
        require(pace > 0 && pace <= 1_000_000, "the pace must be above 0 and at most 1000000 events per simulated second");
        require(duplicateShare >= 0 && duplicateShare <= 0.5, "the duplicate share must be between 0 and 0.5");
        require(lateShare >= 0 && lateShare <= 1, "the late share must be between 0 and 1");
        require(!maxLateness.isNegative() && maxLateness.toSeconds() <= 7 * 24 * 3600L,
                "the maximum lateness must be between 0 and 7 days");
        require(start.getYear() >= 1971 && start.getYear() <= 2100, "the start must lie between 1971 and 2100");
    }

    /** The defaults with the given seed. */
    public static StreamOptions defaults(long seed) {
        return new StreamOptions(DEFAULT_CUSTOMERS, DEFAULT_PRODUCTS, ActionWeights.DEFAULT, DEFAULT_START,
                DEFAULT_PACE, DEFAULT_DUPLICATE_SHARE, DEFAULT_LATE_SHARE, DEFAULT_MAX_LATENESS, seed,
                DEFAULT_CATALOG_SEED);
    }

    public StreamOptions withSeed(long newSeed) {
        return new StreamOptions(customers, products, weights, start, pace, duplicateShare, lateShare, maxLateness,
                newSeed, catalogSeed);
    }

    /** A canonical text of every option: two runs with the same text produce the same stream. */
    public String fingerprint() {
        return "customers=" + customers + " products=" + products + " weights=" + weights + " start=" + start
                + " pace=" + pace + " duplicates=" + duplicateShare + " late=" + lateShare + " max-lateness="
                + maxLateness.toSeconds() + "s seed=" + seed + " catalog-seed=" + catalogSeed;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
