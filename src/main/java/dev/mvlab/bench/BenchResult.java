package dev.mvlab.bench;

import dev.mvlab.generate.BatchSettings;

import java.util.List;

/**
 * Figures of an ingest benchmark: events per second end to end (generator, HTTP, JSONPath mapping, landing table
 * and its materialized views) and the server-side ceiling for the same rows (the same NDJSON lines, staged in a table
 * on the server, {@code stagingTable}, through the same mapping), one figure per round.
 */
public record BenchResult(long events, long bytes, BatchSettings batching, List<Double> clientRates,
                         List<Double> serverRates, String serverVersion, String stagingTable, Cost endToEndCost,
                         Cost serverSideCost) {

    /**
     * CPU seconds per million events summed over the rounds, of this JVM (generator and HTTP client) and of the
     * engine process (parsing, mapping, writing, views, merges); -1 when unknown (an engine on another machine). Of
     * the engine's, {@code relay}: its HTTP relay's JVM alone (-1 when unknown or not an embedded engine); the rest
     * is chDB's process.
     */
    public record Cost(double client, double server, double relay) {
        /** chDB's part of the engine's CPU (the engine's when the relay's is unknown). */
        public double chdb() {
            return server < 0 ? -1 : server - Math.max(0, relay);
        }
    }

    public double bestClient() {
        return clientRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public double bestServer() {
        return serverRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public double medianClient() {
        return median(clientRates);
    }

    public double medianServer() {
        return median(serverRates);
    }

    /** End-to-end rate over the server-side ceiling, from the medians. */
    public double ratio() {
        double server = medianServer();
        return server == 0 ? 0 : medianClient() / server;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
