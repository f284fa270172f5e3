package dev.mvlab.lesson;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.ActionWeights;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.units.Quantities;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The options a lesson's generating step may give, as written in the manifest: {@code customers, products,
 * duplicates (0.05 or 5%), late, max_lateness (500ms, 90s, 10m, 1.5h), start (2024-09-20 or 2024-09-20 06:00:00), pace,
 * weights (view=65,cart=15,...), catalog_seed, batch_size, datasource, show_insert (true: show the INSERT the
 * generator sends)}; products steps take {@code catalog_seed,
 * updated_at, datasource}.
 */
final class GeneratorOptions {
    static final List<String> EVENTS = List.of("customers", "products", "duplicates", "late", "max_lateness", "start",
            "pace", "weights", "catalog_seed", "batch_size", "datasource", "show_insert");
    /** The {@code stream} step's options: those of {@code generate}, and {@code rate} (events per wall-clock second). */
    static final List<String> STREAM = Stream.concat(EVENTS.stream(), Stream.of("rate")).toList();
    static final List<String> PRODUCTS = List.of("catalog_seed", "updated_at", "datasource");
    static final List<String> PRICES = List.of("catalog_seed", "datasource");

    private final Map<String, String> options;

    GeneratorOptions(Map<String, String> options, List<String> allowed) {
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new MvlabException(ExitCode.DATAFILE, "unknown generator option '" + key + "'",
                        "options here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        this.options = options;
    }

    StreamOptions stream(long seed) {
        try {
            return new StreamOptions(intValue("customers", StreamOptions.DEFAULT_CUSTOMERS),
                    intValue("products", StreamOptions.DEFAULT_PRODUCTS),
                    options.containsKey("weights") ? ActionWeights.parse(options.get("weights")) : ActionWeights.DEFAULT,
                    dateTime("start", StreamOptions.DEFAULT_START), doubleValue("pace", StreamOptions.DEFAULT_PACE),
                    share("duplicates", StreamOptions.DEFAULT_DUPLICATE_SHARE),
                    share("late", StreamOptions.DEFAULT_LATE_SHARE),
                    duration("max_lateness", StreamOptions.DEFAULT_MAX_LATENESS), seed,
                    longValue("catalog_seed", StreamOptions.DEFAULT_CATALOG_SEED));
        } catch (IllegalArgumentException e) {
            throw invalid("the generator options", e.getMessage());
        }
    }

    String text(String key, String otherwise) {
        return options.getOrDefault(key, otherwise);
    }

    long longValue(String key, long otherwise) {
        String text = options.get(key);
        try {
            return text == null ? otherwise : Long.parseLong(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + text + "' is not a whole number");
        }
    }

    /**
     * The events per insert: {@code batch_size} when given (1 to {@link BatchSettings#MAX_SIZE}), else all {@code count}
     * events in one insert, or in inserts of the largest size when there are more.
     */
    int batchSize(long count) {
        long value = longValue("batch_size", Math.min(Math.max(1, count), BatchSettings.MAX_SIZE));
        if (value < 1 || value > BatchSettings.MAX_SIZE) {
            throw invalid("batch_size", value + " is not between 1 and " + BatchSettings.MAX_SIZE);
        }
        return (int) value;
    }

    /** A whole number that fits an int (a count of customers or products). */
    int intValue(String key, int otherwise) {
        long value = longValue(key, otherwise);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(key, value + " is too large");
        }
        return (int) value;
    }

    double doubleValue(String key, double otherwise) {
        String text = options.get(key);
        try {
            double value = text == null ? otherwise : Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw invalid(key, "'" + text + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + text + "' is not a number");
        }
    }

    double share(String key, double otherwise) {
        return parsed(key, otherwise, Quantities::share);
    }

    Duration duration(String key, Duration otherwise) {
        return parsed(key, otherwise, Quantities::duration);
    }

    LocalDateTime dateTime(String key, LocalDateTime otherwise) {
        return parsed(key, otherwise, Quantities::dateTime);
    }

    private <T> T parsed(String key, T otherwise, Function<String, T> parser) {
        String text = options.get(key);
        try {
            return text == null ? otherwise : parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    private static MvlabException invalid(String key, String message) {
        return new MvlabException(ExitCode.DATAFILE, "generator option " + key + ": " + message, null);
    }
}
