package dev.mvlab.cli;

import java.util.Map;

/**
 * Why a command takes no {@code --cluster}, and what does the job on a cluster instead: said when {@code --cluster} is
 * given to a command that does not declare it (a usage error, exit code 2). The commands that take it are listed in
 * docs/clusters.md.
 */
final class NoClusterOption {
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("mvlab append", "append keeps a ledger and a quarantine table on one server; on the local "
                    + "cluster load a file through the Distributed table: mvlab sql --cluster local \"INSERT INTO DS "
                    + "FORMAT CSVWithNames\" < file.csv"),
            Map.entry("mvlab serve", "the API serves one engine; mvlab pipe data --cluster local NAME calls an "
                    + "endpoint on the local cluster, and for a real cluster --engine url --url http://NODE:8123 "
                    + "serves through one node"),
            Map.entry("mvlab test", "endpoint tests load their fixtures in a throwaway database on the engine"),
            Map.entry("mvlab report", "reports run the lessons on the engine"),
            Map.entry("mvlab lesson run", "lessons run on the engine, each on its own database"),
            Map.entry("mvlab bench ingest", "mvlab bench cluster compares the local cluster with one engine"),
            Map.entry("mvlab bench serve", "mvlab bench cluster compares the local cluster with one engine"));

    private NoClusterOption() {
    }

    /** The hint for {@code --cluster} given to the command {@code qualifiedName} (e.g. {@code mvlab backfill}). */
    static String hint(String qualifiedName) {
        String why = WHY.getOrDefault(qualifiedName, "it does not talk to a cluster");
        return "hint: " + qualifiedName + " takes no --cluster: " + why + "; the commands that do: render, plan, "
                + "apply, diff, drop, sql, generate, generate products, verify, pipe data (see docs/clusters.md)";
    }
}
