package dev.mvlab.bench;

import java.util.List;

/**
 * Figures of {@link ClusterIngestBenchmark}: the same events through the same project into one engine and through the
 * landing data source's Distributed table into the local cluster, one figure per round.
 *
 * @param singleRates       events/s into one engine (its inserts return when the views have run)
 * @param acknowledgedRates events/s into the cluster until the inserts were acknowledged by the node that received
 *                          them (the Distributed table still queues the other shards' and replicas' blocks)
 * @param flushedRates      events/s into the cluster until every shard and replica held the events and their views
 *                          had run ({@code SYSTEM FLUSH DISTRIBUTED} included)
 * @param rowsPerReplica    the landing local table's rows on each node after the last round, by node
 */
public record ClusterBenchResult(long events, int nodes, List<Double> singleRates, List<Double> acknowledgedRates,
                                 List<Double> flushedRates, List<Long> rowsPerReplica) {

    public double medianSingle() {
        return median(singleRates);
    }

    public double medianAcknowledged() {
        return median(acknowledgedRates);
    }

    public double medianFlushed() {
        return median(flushedRates);
    }

    /** The cluster's rate until flushed over one engine's, from the medians. */
    public double ratio() {
        double single = medianSingle();
        return single == 0 ? 0 : medianFlushed() / single;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
