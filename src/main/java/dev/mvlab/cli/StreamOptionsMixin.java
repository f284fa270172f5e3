package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.ActionWeights;
import dev.mvlab.generate.StreamOptions;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** The options that decide the stream's content: the same values (and seed) give a byte-identical stream. */
public final class StreamOptionsMixin {
    @Option(names = "--seed", description = "Random seed; the same seed and options give the same stream "
            + "(default: a random seed, printed at the end).")
    Long seed;

    @Option(names = "--customers", defaultValue = "" + StreamOptions.DEFAULT_CUSTOMERS,
            description = "Number of customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--products", defaultValue = "" + StreamOptions.DEFAULT_PRODUCTS,
            description = "Number of products in the catalog (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--weights", converter = Converters.WeightsConverter.class, paramLabel = "ACTION=W,...",
            description = "Relative action weights (default view=65,cart=15,uncart=5,purchase=10,return=5).")
    ActionWeights weights;

    @Option(names = "--start", converter = Converters.DateTimeConverter.class, paramLabel = "DATETIME",
            description = "Event time of the first event (default 2024-09-19T00:00:00).")
    LocalDateTime start;

    @Option(names = "--pace", defaultValue = "" + StreamOptions.DEFAULT_PACE,
            description = "Events per simulated second: 1M events at 5/s span about 2.3 days (default ${DEFAULT-VALUE}).")
    double pace;

    @Option(names = "--duplicates", converter = Converters.ShareConverter.class, paramLabel = "SHARE",
            description = "Share of lines that are exact resends of an earlier line, e.g. 2%% (default 2%%).")
    Double duplicates;

    @Option(names = "--late", converter = Converters.ShareConverter.class, paramLabel = "SHARE",
            description = "Share of events whose timestamp lies behind the clock (default 1%%).")
    Double late;

    @Option(names = "--max-lateness", converter = Converters.DurationConverter.class, paramLabel = "DURATION",
            description = "How far behind the clock a late event may be (default 10m).")
    Duration maxLateness;

    @Option(names = "--catalog-seed", defaultValue = "" + StreamOptions.DEFAULT_CATALOG_SEED,
            description = "Seed of the product catalog (brands, models, prices) shared with 'generate products' "
                    + "(default ${DEFAULT-VALUE}).")
    long catalogSeed;

    boolean seedGiven() {
        return seed != null;
    }

    /** The options; invalid combinations are usage errors. */
    StreamOptions options() {
        try {
            return new StreamOptions(customers, products, weights == null ? ActionWeights.DEFAULT : weights,
                    start == null ? StreamOptions.DEFAULT_START : start, pace,
                    duplicates == null ? StreamOptions.DEFAULT_DUPLICATE_SHARE : duplicates,
                    late == null ? StreamOptions.DEFAULT_LATE_SHARE : late,
                    maxLateness == null ? StreamOptions.DEFAULT_MAX_LATENESS : maxLateness,
                    seed != null ? seed : new SplittableRandom().nextLong() >>> 20, catalogSeed);
        } catch (IllegalArgumentException e) {
            throw new MvlabException(ExitCode.USAGE, e.getMessage(), "see mvlab generate --help");
        }
    }
}
