package dev.mvlab.lesson;

import java.util.Map;

/**
 * One request to the {@link EventSource}.
 *
 * @param count   how many events or products
 * @param seed    the random seed: the same seed gives the same data
 * @param options the step's further fields (e.g. {@code late_fraction: 0.1}), as written, for the generator to read
 */
public record GenerateRequest(long count, long seed, Map<String, String> options) {
    public GenerateRequest {
        options = Map.copyOf(options);
    }
}
